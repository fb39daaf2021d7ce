-- R9: the measures catalog (联合奖惩措施清单, 003 §16-17), versioned. The credit office revises it ("定期修订完善");
-- every revision of a measure is a new row, so a task keeps pointing at the version it was made under. The measures
-- in force are, per (list type, agency, measure), the highest version unless that version withdraws the measure.
CREATE TABLE measure_version (
    list_type_code        TEXT        NOT NULL,
    -- also the suffix of the agency's topics, so it follows the topic naming rule of contracts' Topics
    agency_code           TEXT        NOT NULL CHECK (agency_code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    measure_code          TEXT        NOT NULL CHECK (measure_code ~ '^[A-Z][A-Z0-9_]{0,62}$'),
    version               INT         NOT NULL CHECK (version >= 1),
    measure               TEXT        NOT NULL,
    -- the memorandum or document and section the measure rests on
    legal_basis           TEXT        NOT NULL,
    -- business scenarios of the fixed vocabulary (Scenario), plus free text for what it does not name
    scenarios             TEXT[]      NOT NULL,
    scenario_note         TEXT,
    -- whether the agency must confirm it applied the measure (implement and feedback), not only respond
    confirmation_required BOOLEAN     NOT NULL,
    -- the response deadline of each task, in working days after it is initiated
    response_working_days INT         NOT NULL CHECK (response_working_days BETWEEN 1 AND 60),
    withdrawn             BOOLEAN     NOT NULL DEFAULT FALSE,
    published_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_by          TEXT        NOT NULL,
    revision_note         TEXT,
    PRIMARY KEY (list_type_code, agency_code, measure_code, version)
);

-- Seeds: 003 = 《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》(澄信用发〔2018〕5号);
--        004 = 《黄石市信用“红黑名单”及联合奖惩对象管理制度》(黄信用办〔2018〕6号).
-- The first nine rows are the measures list as it was before versioning (V1), now version 1 with their scenarios.
INSERT INTO measure_version (list_type_code, agency_code, measure_code, version, measure, legal_basis, scenarios,
                             scenario_note, confirmation_required, response_working_days, published_by) VALUES
-- black, tax: 重大税收违法案件当事人
('TAX_MAJOR_VIOLATION', 'finance', 'RESTRICT_FISCAL_FUNDS', 1, '限制申请财政性资金项目',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：限制安排财政性资金项目 [003 §11]',
 ARRAY['FISCAL_FUNDS'], '财政专项资金、政策性补贴申报审核', TRUE, 5, 'migration'),
('TAX_MAJOR_VIOLATION', 'public-resource-trading', 'RESTRICT_PUBLIC_BIDDING', 1, '限制参与政府采购和招标投标',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：限制参与公共资源交易活动 [003 §11]',
 ARRAY['GOVERNMENT_PROCUREMENT', 'PUBLIC_BIDDING'], NULL, TRUE, 5, 'migration'),
('TAX_MAJOR_VIOLATION', 'market-regulation', 'STRICT_LICENSING', 1, '从严审核行政许可',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：从严审核行政许可审批项目 [003 §11]',
 ARRAY['ADMINISTRATIVE_LICENSING'], '从严控制生产许可证发放', TRUE, 5, 'migration'),
-- black, court: 失信被执行人
('COURT_DEFAULTER', 'transport', 'RESTRICT_HIGH_CONSUMPTION', 1, '限制乘坐飞机高铁',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十二）：将失信被执行人名单纳入联合惩戒范围；（十三）：限制……乘坐飞机、乘坐高等级列车和席次……等高消费行为 [003 §12, §13]',
 ARRAY['HIGH_CONSUMPTION'], '飞机、高等级列车和席次', TRUE, 3, 'migration'),
('COURT_DEFAULTER', 'finance', 'RESTRICT_FISCAL_FUNDS', 1, '限制申请财政性资金项目',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十二）：将失信被执行人名单纳入联合惩戒范围；（十一）：限制安排财政性资金项目 [003 §11, §12]',
 ARRAY['FISCAL_FUNDS'], NULL, TRUE, 5, 'migration'),
('COURT_DEFAULTER', 'public-resource-trading', 'RESTRICT_PUBLIC_BIDDING', 1, '限制参与政府采购和招标投标',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十二）：将失信被执行人名单纳入联合惩戒范围；（十一）：限制参与公共资源交易活动 [003 §11, §12]',
 ARRAY['GOVERNMENT_PROCUREMENT', 'PUBLIC_BIDDING'], NULL, TRUE, 5, 'migration'),
-- red, tax: 纳税信用A级纳税人
('TAX_A_GRADE', 'market-regulation', 'GREEN_CHANNEL', 1, '绿色通道/容缺受理',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（八）：实施“绿色通道”“容缺受理”等便利服务措施 [003 §8]；《黄石市信用“红黑名单”及联合奖惩对象管理制度》（黄信用办〔2018〕6号）五（三）1：“绿色通道”和“容缺受理”等便利服务措施 [004 §5(三)1]',
 ARRAY['ADMINISTRATIVE_LICENSING'], '部分申报材料不具备的，先信用承诺后补报材料', TRUE, 5, 'migration'),
('TAX_A_GRADE', 'public-resource-trading', 'WAIVE_BID_DEPOSIT', 1, '免收投标保证金',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十）：对信用记录良好或第三方信用评估等级较高的投标企业，不收取投标保证金 [003 §10]',
 ARRAY['PUBLIC_BIDDING'], NULL, TRUE, 5, 'migration'),
-- gray, market: 经营异常名录
('MARKET_ABNORMAL_OPERATION', 'market-regulation', 'INTERVIEW_WARNING', 1, '约谈警示',
 '《黄石市信用“红黑名单”及联合奖惩对象管理制度》（黄信用办〔2018〕6号）五（三）3：对重点关注对象的行政相对人，采取约谈警示、审慎办理、约束限制等措施 [004 §5(三)3]',
 ARRAY['INSPECTION'], NULL, TRUE, 5, 'migration'),

-- further measures the seeds name, for the list types of identification's catalog
-- black, court: 失信被执行人 (003 §12 限制出境, §13 金融机构限制贷款)
('COURT_DEFAULTER', 'public-security', 'RESTRICT_EXIT', 1, '限制出境',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十二）：对有履行能力但拒不履行的失信被执行人实施限制出境等联合惩戒措施 [003 §12]',
 ARRAY['EXIT_ENTRY'], '出入境证件签发与边境查验', TRUE, 3, 'migration'),
('COURT_DEFAULTER', 'financial-regulation', 'RESTRICT_LOANS', 1, '提高贷款利率或限制贷款',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十三）：引导商业银行……按照风险定价原则，对严重失信市场主体提高贷款利率和财产保险费率，或者限制向其提供贷款、保荐、承销、保险等服务 [003 §13]',
 ARRAY['LOANS'], '引导金融机构参考使用；机构自主决定，不要求确认实施', FALSE, 10, 'migration'),
-- black, wages: 拖欠农民工工资黑名单 (003 §11)
('WAGE_ARREARS', 'finance', 'RESTRICT_FISCAL_FUNDS', 1, '限制申请财政性资金项目',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：限制安排财政性资金项目 [003 §11]',
 ARRAY['FISCAL_FUNDS'], NULL, TRUE, 5, 'migration'),
('WAGE_ARREARS', 'public-resource-trading', 'RESTRICT_PUBLIC_BIDDING', 1, '限制参与政府采购和招标投标',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：限制参与公共资源交易活动 [003 §11]',
 ARRAY['GOVERNMENT_PROCUREMENT', 'PUBLIC_BIDDING'], NULL, TRUE, 5, 'migration'),
('WAGE_ARREARS', 'civilization-office', 'REVOKE_HONOURS', 1, '撤销荣誉称号，取消评先评优资格',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：按照相关规定及时撤销严重失信主体已取得的荣誉称号，取消参加评先评优资格 [003 §11]',
 ARRAY['HONOURS'], NULL, TRUE, 10, 'migration'),
-- black, safety: 安全生产失信联合惩戒“黑名单” (003 §11)
('SAFETY_PRODUCTION_BLACK', 'development-reform', 'RESTRICT_PROJECT_APPROVAL', 1, '限制新增项目审批、核准',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：限制新增项目审批、核准 [003 §11]',
 ARRAY['PROJECT_APPROVAL'], NULL, TRUE, 5, 'migration'),
('SAFETY_PRODUCTION_BLACK', 'market-regulation', 'STRICT_LICENSING', 1, '从严审核行政许可',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：从严审核行政许可审批项目，从严控制生产许可证发放 [003 §11]',
 ARRAY['ADMINISTRATIVE_LICENSING'], '生产许可证', TRUE, 5, 'migration'),
-- black, market: 严重违法失信企业名单 (003 §11 市场和行业禁入, 特许经营)
('MARKET_SERIOUS_VIOLATION', 'market-regulation', 'MARKET_BAN', 1, '市场和行业禁入',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：对列入黑名单的企业及其法定代表人、主要负责人……依法实施市场和行业禁入措施 [003 §11]',
 ARRAY['MARKET_ACCESS'], '企业法定代表人、主要负责人任职限制', TRUE, 5, 'migration'),
('MARKET_SERIOUS_VIOLATION', 'housing-construction', 'RESTRICT_FRANCHISE', 1, '限制基础设施和公用事业特许经营',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十一）：限制基础设施和公用事业特许经营 [003 §11]',
 ARRAY['FRANCHISE'], NULL, TRUE, 5, 'migration'),
-- red, tax: 纳税信用A级纳税人 (003 §10 信易贷、税易贷)
('TAX_A_GRADE', 'financial-regulation', 'CREDIT_LOANS', 1, '信用贷款便利（信易贷、税易贷）',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（十）：鼓励有关部门和单位面向诚信市场主体开发应用“信易贷”“信易债”“税源贷”“税易贷”“税贷通”等守信激励产品 [003 §10]',
 ARRAY['LOANS'], '鼓励类措施，金融机构自主决定，不要求确认实施', FALSE, 10, 'migration'),
-- red, labour: 劳动保障守法诚信红名单 (003 §8 减少检查频次, §9 优先扶持)
('LABOUR_SECURITY_RED', 'human-resources', 'FEWER_INSPECTIONS', 1, '减少日常检查、专项检查频次',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（八）：在日常检查、专项检查中优化检查方式，减少检查频次 [003 §8]',
 ARRAY['INSPECTION'], NULL, TRUE, 5, 'migration'),
('LABOUR_SECURITY_RED', 'finance', 'PRIORITY_FUNDS', 1, '财政性资金项目优先安排',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（九）：在实施财政性资金项目安排、招商引资配套政策等各类优惠政策中……优先考虑诚信市场主体，加大扶持力度 [003 §9]；《黄石市信用“红黑名单”及联合奖惩对象管理制度》（黄信用办〔2018〕6号）五（三）1 [004 §5(三)1]',
 ARRAY['FISCAL_FUNDS'], NULL, TRUE, 5, 'migration'),
-- red, real estate: 房地产领域守信红名单 (003 §9 公共资源交易信用加分)
('REAL_ESTATE_RED', 'public-resource-trading', 'CREDIT_POINTS_BIDDING', 1, '公共资源交易信用加分',
 '《江阴市关于建立完善守信联合激励和失信联合惩戒制度的实施意见》（澄信用发〔2018〕5号）（九）：在公共资源交易领域，依法依规对诚信市场主体采取信用加分等措施 [003 §9]',
 ARRAY['PUBLIC_BIDDING', 'GOVERNMENT_PROCUREMENT'], NULL, TRUE, 5, 'migration'),
-- gray, tax: 税收违法重点关注名单 (004 §5(三)3)
('TAX_KEY_ATTENTION', 'tax', 'INTERVIEW_WARNING', 1, '约谈警示',
 '《黄石市信用“红黑名单”及联合奖惩对象管理制度》（黄信用办〔2018〕6号）五（三）3：对重点关注对象的行政相对人，采取约谈警示、审慎办理、约束限制等措施 [004 §5(三)3]',
 ARRAY['INSPECTION'], NULL, TRUE, 5, 'migration'),
('TAX_KEY_ATTENTION', 'market-regulation', 'CAUTIOUS_HANDLING', 1, '审慎办理',
 '《黄石市信用“红黑名单”及联合奖惩对象管理制度》（黄信用办〔2018〕6号）五（三）3：对重点关注对象的行政相对人，采取约谈警示、审慎办理、约束限制等措施 [004 §5(三)3]',
 ARRAY['ADMINISTRATIVE_LICENSING'], NULL, FALSE, 5, 'migration'),
-- gray: 大数据警示名单 (004 §5(三)3)
('BIG_DATA_WARNING', 'public-resource-trading', 'CAUTIOUS_HANDLING', 1, '审慎办理',
 '《黄石市信用“红黑名单”及联合奖惩对象管理制度》（黄信用办〔2018〕6号）五（三）3：对重点关注对象的行政相对人，采取约谈警示、审慎办理、约束限制等措施 [004 §5(三)3]',
 ARRAY['PUBLIC_BIDDING', 'GOVERNMENT_PROCUREMENT'], NULL, FALSE, 5, 'migration');

DROP TABLE measure;

-- R8: the version of the measure a task was made under, its response deadline and its reminders
ALTER TABLE sanction_task
    ADD COLUMN measure_version       INT     NOT NULL DEFAULT 1,
    ADD COLUMN confirmation_required BOOLEAN NOT NULL DEFAULT TRUE,
    -- last working day to respond, inclusive; NULL when the calendar had no data for that year (an alarm was raised)
    ADD COLUMN respond_by            DATE,
    ADD COLUMN due_today_reminded_at TIMESTAMPTZ,
    ADD COLUMN overdue_reminded_at   TIMESTAMPTZ,
    ADD COLUMN lift_reason           TEXT;
ALTER TABLE sanction_task ALTER COLUMN measure_version DROP DEFAULT;
ALTER TABLE sanction_task ALTER COLUMN confirmation_required DROP DEFAULT;

-- a corrected record is a new listing version with tasks of its own; within one version, one task per measure
ALTER TABLE sanction_task DROP CONSTRAINT sanction_task_listing_id_agency_code_measure_code_key;
ALTER TABLE sanction_task ADD CONSTRAINT sanction_task_per_version_and_measure
    UNIQUE (listing_id, listing_version, agency_code, measure_code);

-- the reminder job: tasks still waiting for their agency's response
CREATE INDEX sanction_task_awaiting_response ON sanction_task (respond_by) WHERE state = 'INITIATED';

-- R8 targeted distribution (003 §18): the subjects an agency currently serves (licensees, bidders, grantees).
-- Persons are stored only by their subject key (a keyed hash of the ID number, R16), never by the number.
CREATE TABLE watch_entry (
    agency_code   TEXT        NOT NULL CHECK (agency_code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    subject_key   TEXT        NOT NULL,
    subject_type  TEXT        NOT NULL CHECK (subject_type IN ('ORGANISATION', 'PERSON')),
    -- how the agency serves the subject, in its words (licensee, bidder, grantee, ...)
    relation      TEXT,
    registered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (agency_code, subject_key)
);
CREATE INDEX watch_entry_subject ON watch_entry (subject_key);
