-- R4/R5: publicity period per list type, in working days (the seeds leave it to the department: "可根据需要履行告知或
-- 公示程序"; red lists are publicised before confirmation, 001 §7). R13: the gray list type a black listing moves to
-- when it exits other than by error (001 §17).
ALTER TABLE list_type ADD COLUMN publicity_working_days INT NOT NULL DEFAULT 0
    CHECK (publicity_working_days BETWEEN 0 AND 60);
ALTER TABLE list_type ADD COLUMN gray_list_type TEXT;

INSERT INTO list_type (code, version, name, kind, domain, department, basis, default_validity, repair_mode, gray_published) VALUES
('MARKET_KEY_ATTENTION', 1, '市场监管领域重点关注名单', 'GRAY', 'market-regulation', 'market',
 '001 §15-17（重点关注名单；黑名单退出后转入）', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('COURT_KEY_ATTENTION', 1, '司法领域重点关注名单', 'GRAY', 'court', 'court',
 '001 §15-17（重点关注名单；黑名单退出后转入）', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('LABOUR_KEY_ATTENTION', 1, '劳动保障领域重点关注名单', 'GRAY', 'human-resources', 'hrss',
 '001 §15-17（重点关注名单；黑名单退出后转入）', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('HOUSING_KEY_ATTENTION', 1, '住房城乡建设领域重点关注名单', 'GRAY', 'housing-construction', 'housing',
 '001 §15-17（重点关注名单；黑名单退出后转入）', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('BIDDING_KEY_ATTENTION', 1, '招标投标领域重点关注名单', 'GRAY', 'public-resource-trading', 'public-resource',
 '001 §15-17（重点关注名单；黑名单退出后转入）', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('SAFETY_KEY_ATTENTION', 1, '安全生产领域重点关注名单', 'GRAY', 'emergency-management', 'emergency',
 '001 §15-17（重点关注名单；黑名单退出后转入）', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('HEALTH_KEY_ATTENTION', 1, '医疗卫生领域重点关注名单', 'GRAY', 'health', 'health',
 '001 §15-17（重点关注名单；黑名单退出后转入）', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('ENVIRONMENT_KEY_ATTENTION', 1, '环境保护领域重点关注名单', 'GRAY', 'environment', 'environment',
 '001 §15-17（重点关注名单；黑名单退出后转入）', '1年', 'PUBLICATION_WITHDRAWN', FALSE);

UPDATE list_type SET publicity_working_days = 7 WHERE kind = 'RED';
UPDATE list_type SET gray_list_type = CASE code
    WHEN 'TAX_MAJOR_VIOLATION' THEN 'TAX_KEY_ATTENTION'
    WHEN 'MARKET_SERIOUS_VIOLATION' THEN 'MARKET_KEY_ATTENTION'
    WHEN 'MARKET_QUALITY_VIOLATION' THEN 'MARKET_KEY_ATTENTION'
    WHEN 'COURT_DEFAULTER' THEN 'COURT_KEY_ATTENTION'
    WHEN 'WAGE_ARREARS' THEN 'LABOUR_KEY_ATTENTION'
    WHEN 'LABOUR_SECURITY_BLACK' THEN 'LABOUR_KEY_ATTENTION'
    WHEN 'REAL_ESTATE_BLACK' THEN 'HOUSING_KEY_ATTENTION'
    WHEN 'CONSTRUCTION_WAGE_ARREARS' THEN 'HOUSING_KEY_ATTENTION'
    WHEN 'BIDDING_SERIOUS_VIOLATION' THEN 'BIDDING_KEY_ATTENTION'
    WHEN 'SAFETY_PRODUCTION_BLACK' THEN 'SAFETY_KEY_ATTENTION'
    WHEN 'FIRE_SERIOUS_VIOLATION' THEN 'SAFETY_KEY_ATTENTION'
    WHEN 'MEDICAL_MAJOR_PENALTY' THEN 'HEALTH_KEY_ATTENTION'
    WHEN 'ENVIRONMENT_SERIOUS_VIOLATION' THEN 'ENVIRONMENT_KEY_ATTENTION'
    END
WHERE kind = 'BLACK';

-- The identification steps of each listing (R4, R5, R10) and the purge of an erroneous one (R11).
ALTER TABLE listing
    ADD COLUMN notice_date       DATE,
    ADD COLUMN publicity_ends_on DATE,
    ADD COLUMN objection         TEXT,
    ADD COLUMN decision          TEXT,
    ADD COLUMN purged            BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX listing_publicity_due ON listing (publicity_ends_on) WHERE status = 'IN_PUBLICITY';
CREATE INDEX listing_expiry_due ON listing (valid_until) WHERE status = 'CONFIRMED';
