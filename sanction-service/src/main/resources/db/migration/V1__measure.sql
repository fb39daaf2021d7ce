-- R9: the joint reward and punishment measures list (联合奖惩措施清单): which enforcing agency applies which measure
-- to subjects of which list type, and on which basis. List type codes are those of identification's catalog.
CREATE TABLE measure (
    list_type_code TEXT NOT NULL,
    -- also the suffix of the agency's topics, so it follows the topic naming rule of contracts' Topics
    agency_code    TEXT NOT NULL CHECK (agency_code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    measure_code   TEXT NOT NULL,
    measure        TEXT NOT NULL,
    legal_basis    TEXT NOT NULL,
    PRIMARY KEY (list_type_code, agency_code, measure_code)
);

-- Seeds: 003 = 《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》(澄信用发〔2018〕5号);
--        004 = 《黄石市信用“红黑名单”及联合奖惩对象管理制度》(黄信用办〔2018〕6号).
INSERT INTO measure (list_type_code, agency_code, measure_code, measure, legal_basis) VALUES
-- black, tax: 重大税收违法案件当事人
('TAX_MAJOR_VIOLATION', 'finance', 'RESTRICT_FISCAL_FUNDS', '限制申请财政性资金项目',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：限制安排财政性资金项目 [003 §11]'),
('TAX_MAJOR_VIOLATION', 'public-resource-trading', 'RESTRICT_PUBLIC_BIDDING', '限制参与政府采购和招标投标',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：限制参与公共资源交易活动 [003 §11]'),
('TAX_MAJOR_VIOLATION', 'market-regulation', 'STRICT_LICENSING', '从严审核行政许可',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：从严审核行政许可审批项目 [003 §11]'),
-- black, court: 失信被执行人
('COURT_DEFAULTER', 'transport', 'RESTRICT_HIGH_CONSUMPTION', '限制乘坐飞机高铁',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十二）：将失信被执行人名单纳入联合惩戒范围；（十三）：限制……乘坐飞机、乘坐高等级列车和席次……等高消费行为 [003 §12, §13]'),
('COURT_DEFAULTER', 'finance', 'RESTRICT_FISCAL_FUNDS', '限制申请财政性资金项目',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十二）：将失信被执行人名单纳入联合惩戒范围；（十一）：限制安排财政性资金项目 [003 §11, §12]'),
('COURT_DEFAULTER', 'public-resource-trading', 'RESTRICT_PUBLIC_BIDDING', '限制参与政府采购和招标投标',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十二）：将失信被执行人名单纳入联合惩戒范围；（十一）：限制参与公共资源交易活动 [003 §11, §12]'),
-- red, tax: 纳税信用A级纳税人
('TAX_A_GRADE', 'market-regulation', 'GREEN_CHANNEL', '绿色通道/容缺受理',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（八）：实施“绿色通道”“容缺受理”等便利服务措施 [003 §8]；《黄石市信用“红黑名单”及联合奖惩对象管理制度》（黄信用办〔2018〕6号）五（三）1：“绿色通道”和“容缺受理”等便利服务措施 [004 §5(三)1]'),
('TAX_A_GRADE', 'public-resource-trading', 'WAIVE_BID_DEPOSIT', '免收投标保证金',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十）：对信用记录良好或第三方信用评估等级较高的投标企业，不收取投标保证金 [003 §10]'),
-- gray, market: 经营异常名录
('MARKET_ABNORMAL_OPERATION', 'market-regulation', 'INTERVIEW_WARNING', '约谈警示',
 '《黄石市信用“红黑名单”及联合奖惩对象管理制度》（黄信用办〔2018〕6号）五（三）3：对重点关注对象的行政相对人，采取约谈警示、审慎办理、约束限制等措施 [004 §5(三)3]');
