INSERT INTO enterprise_figures (enterprise_id, year, tax_wan, revenue_wan, value_added_wan, energy_tce, employees,
  rnd_wan, investment_wan, pollutant_eq)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
