-- Upsert, update half: each figure is (present in the file?, value). A column the file does not
-- have keeps its stored value; a blank cell in a column it has sets the figure to NULL (not reported).
UPDATE enterprise_figures SET
  tax_wan = CASE WHEN ? THEN ? ELSE tax_wan END,
  revenue_wan = CASE WHEN ? THEN ? ELSE revenue_wan END,
  value_added_wan = CASE WHEN ? THEN ? ELSE value_added_wan END,
  energy_tce = CASE WHEN ? THEN ? ELSE energy_tce END,
  employees = CASE WHEN ? THEN ? ELSE employees END,
  rnd_wan = CASE WHEN ? THEN ? ELSE rnd_wan END,
  investment_wan = CASE WHEN ? THEN ? ELSE investment_wan END,
  pollutant_eq = CASE WHEN ? THEN ? ELSE pollutant_eq END
WHERE enterprise_id = ? AND year = ?
