-- R2, R17: the seed catalog from the departments and examples the seeds name: Daye annex 2 (002, "红黑名单"报送
-- 责任单位), Kunshan 000 §2, Huangshi annex 1 (004). Default validities are starting points; the recognising
-- department sets each listing's validity. Policy bases cite the national rule where the seeds name the list
-- and otherwise the seed that names it.
ALTER TABLE list_type ADD COLUMN description TEXT;
ALTER TABLE list_type ADD COLUMN published_at TIMESTAMPTZ NOT NULL DEFAULT now();

INSERT INTO list_type (code, version, name, kind, domain, department, basis, default_validity, repair_mode, gray_published) VALUES
('MARKET_SERIOUS_VIOLATION', 1, '严重违法失信企业名单', 'BLACK', 'market-regulation', 'market',
 '《严重违法失信企业名单管理暂行办法》（国家工商行政管理总局令第83号）；002 附件2', '3年', 'PUBLICATION_WITHDRAWN', FALSE),
('MARKET_QUALITY_VIOLATION', 1, '严重质量违法失信行为名单', 'BLACK', 'market-regulation', 'market',
 '002 附件2（市市场监督管理局：严重质量违法失信行为）', '2年', 'RECTIFICATION_NOTED', FALSE),
('LABOUR_SECURITY_RED', 1, '劳动保障守法诚信红名单', 'RED', 'human-resources', 'hrss',
 '002 附件2（市人社局：劳动保障领域企业红黑名单）', '2年', 'NOT_REPAIRABLE', FALSE),
('LABOUR_SECURITY_BLACK', 1, '劳动保障领域失信企业黑名单', 'BLACK', 'human-resources', 'hrss',
 '002 附件2（市人社局：劳动保障领域企业红黑名单）', '2年', 'RECTIFICATION_NOTED', FALSE),
('REAL_ESTATE_RED', 1, '房地产领域守信红名单', 'RED', 'housing-construction', 'housing',
 '002 附件2（市住建局：房地产领域红黑名单）', '2年', 'NOT_REPAIRABLE', FALSE),
('REAL_ESTATE_BLACK', 1, '房地产领域失信黑名单', 'BLACK', 'housing-construction', 'housing',
 '002 附件2（市住建局：房地产领域红黑名单）', '2年', 'RECTIFICATION_NOTED', FALSE),
('CONSTRUCTION_WAGE_ARREARS', 1, '工程建设领域拖欠农民工工资黑名单', 'BLACK', 'housing-construction', 'housing',
 '《拖欠农民工工资“黑名单”管理暂行办法》（人社部规〔2017〕16号）；002 附件2', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('BIDDING_SERIOUS_VIOLATION', 1, '招标投标领域严重违法失信主体名单', 'BLACK', 'public-resource-trading', 'public-resource',
 '002 附件2（市政务服务和大数据管理局：招投标领域严重违法失信行为）', '3年', 'RECTIFICATION_NOTED', FALSE),
('FIRE_SERIOUS_VIOLATION', 1, '消防安全严重违法失信名单', 'BLACK', 'emergency-management', 'emergency',
 '002 附件2（市应急管理局：严重消防违法行为）', '1年', 'RECTIFICATION_NOTED', FALSE),
('MEDICAL_MAJOR_PENALTY', 1, '医疗卫生领域重大行政处罚失信名单', 'BLACK', 'health', 'health',
 '002 附件2（市卫健局：医疗重大行政处罚）', '3年', 'PUBLICATION_WITHDRAWN', FALSE),
('DRUNK_DRIVING_BAN', 1, '酒驾及终生禁驾人员名单', 'BLACK', 'public-security', 'police',
 '《中华人民共和国道路交通安全法》第九十一条；002 附件2', '5年', 'NOT_REPAIRABLE', FALSE),
('ENVIRONMENT_SERIOUS_VIOLATION', 1, '环境保护领域严重违法失信名单', 'BLACK', 'environment', 'environment',
 '002 附件2（市生态环境分局：环保领域严重违法行为）', '2年', 'RECTIFICATION_NOTED', FALSE),
('MILITARY_SERVICE_REFUSAL', 1, '拒服兵役人员黑名单', 'BLACK', 'military-service', 'military',
 '《中华人民共和国兵役法》；002 附件2（市人武部：拒服兵役“黑名单”）', '2年', 'NOT_REPAIRABLE', FALSE),
('TAX_KEY_ATTENTION', 1, '税收违法重点关注名单', 'GRAY', 'tax', 'tax',
 '001 §15（重点关注名单）', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('BIG_DATA_WARNING', 1, '大数据警示名单', 'GRAY', 'credit', 'credit-office',
 '001 §16：同时被列入3个以上不同重点领域重点关注名单的主体', '1年', 'PUBLICATION_WITHDRAWN', TRUE);

UPDATE list_type SET description = '同一主体同时出现在3个以上重点领域重点关注名单时由信用办列入 (R14)' WHERE code = 'BIG_DATA_WARNING';
