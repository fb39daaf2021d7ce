-- R2: the catalog of list types, versioned; a revised recognition standard is a new version.
CREATE TABLE list_type (
    code             TEXT    NOT NULL,
    version          INT     NOT NULL,
    name             TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('RED', 'BLACK', 'GRAY')),
    domain           TEXT    NOT NULL,
    department       TEXT    NOT NULL,
    basis            TEXT    NOT NULL,
    default_validity TEXT,
    repair_mode      TEXT    NOT NULL CHECK (repair_mode IN ('PUBLICATION_WITHDRAWN', 'RECTIFICATION_NOTED', 'NOT_REPAIRABLE')),
    gray_published   BOOLEAN NOT NULL DEFAULT FALSE,
    current          BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (code, version)
);
CREATE UNIQUE INDEX list_type_one_current ON list_type (code) WHERE current;

-- A first seed from the departments and examples in the seeds (000 §2, 002 annex 2, 004 annex 1); the full
-- catalog comes with the catalog issue.
INSERT INTO list_type (code, version, name, kind, domain, department, basis, default_validity, repair_mode, gray_published) VALUES
('TAX_MAJOR_VIOLATION', 1, '重大税收违法案件当事人名单', 'BLACK', 'tax', 'tax',
 '《中华人民共和国税收征收管理法》；《重大税收违法失信案件信息公布办法》', '2年', 'RECTIFICATION_NOTED', FALSE),
('TAX_A_GRADE', 1, '纳税信用A级纳税人名单', 'RED', 'tax', 'tax',
 '《纳税信用管理办法（试行）》', '1年', 'NOT_REPAIRABLE', FALSE),
('COURT_DEFAULTER', 1, '失信被执行人名单', 'BLACK', 'court', 'court',
 '《最高人民法院关于公布失信被执行人名单信息的若干规定》', '2年', 'NOT_REPAIRABLE', FALSE),
('WAGE_ARREARS', 1, '拖欠农民工工资黑名单', 'BLACK', 'human-resources', 'hrss',
 '《拖欠农民工工资“黑名单”管理暂行办法》', '1年', 'PUBLICATION_WITHDRAWN', FALSE),
('MARKET_ABNORMAL_OPERATION', 1, '经营异常名录', 'GRAY', 'market-regulation', 'market',
 '《企业经营异常名录管理暂行办法》', '3年', 'PUBLICATION_WITHDRAWN', TRUE),
('SAFETY_PRODUCTION_BLACK', 1, '安全生产失信联合惩戒“黑名单”', 'BLACK', 'emergency-management', 'emergency',
 '《对安全生产领域失信行为开展联合惩戒的实施办法》', '1年', 'RECTIFICATION_NOTED', FALSE);
