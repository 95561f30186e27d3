SELECT enterprise_id FROM enterprise_figures WHERE year = ?
