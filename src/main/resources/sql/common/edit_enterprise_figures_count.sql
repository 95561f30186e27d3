-- Years of figures an enterprise has: such an enterprise is not deleted (its record would be lost). Parameter: id.
SELECT COUNT(*) FROM enterprise_figures WHERE enterprise_id = ?
