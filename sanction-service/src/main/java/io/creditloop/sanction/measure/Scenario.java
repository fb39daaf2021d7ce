package io.creditloop.sanction.measure;

/**
 * R9: the business scenarios (应用场景) a measure applies in, the fixed vocabulary of the measures catalog; what it does
 * not name goes into the measure's free-text scenario note. From 003 §8-15 and 004 §5(一).
 */
public enum Scenario {
    /** 行政许可、审批 */
    ADMINISTRATIVE_LICENSING,
    /** 政府采购 */
    GOVERNMENT_PROCUREMENT,
    /** 招标投标、公共资源交易 */
    PUBLIC_BIDDING,
    /** 财政性资金、政策支持 */
    FISCAL_FUNDS,
    /** 新增项目审批、核准 */
    PROJECT_APPROVAL,
    /** 基础设施和公用事业特许经营 */
    FRANCHISE,
    /** 市场和行业准入、任职资格 */
    MARKET_ACCESS,
    /** 表彰奖励、评先评优、荣誉称号 */
    HONOURS,
    /** 高消费：飞机、高等级列车、星级宾馆、不动产等 */
    HIGH_CONSUMPTION,
    /** 贷款、保险等金融服务 */
    LOANS,
    /** 出境 */
    EXIT_ENTRY,
    /** 日常检查、专项检查、约谈 */
    INSPECTION,
    /** 公共服务便利 */
    PUBLIC_SERVICE,
    /** 国家工作人员招录任用 */
    PUBLIC_EMPLOYMENT
}
