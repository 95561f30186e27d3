package zoneatlas.model;

/**
 * One enterprise's economic figures for one year. Money in 万元 (10,000 CNY); energy in tonnes
 * of standard coal (吨标准煤). Confidential: only authorised roles may see them per enterprise.
 * Nullable fields are figures the enterprise did not report.
 */
public record YearFigures(
    String enterpriseId,
    int year,
    Double taxWan,
    Double revenueWan,
    Double valueAddedWan,
    Double energyTce,
    Integer employees,
    Double rndWan,
    Double investmentWan,
    Double pollutantEq) {}
