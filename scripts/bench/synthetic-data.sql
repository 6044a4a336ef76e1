-- Load-test data only, for a database of its own (never the default one): thousands of synthetic indicators over all
-- regions and ten years, on top of the real seed data. Every synthetic row says so in its code, name and section.
BEGIN;
INSERT INTO documents (code, title_zh, title_en, publisher, published_on, kind, source_file)
VALUES ('synthetic', '压力测试合成数据（非真实数据）', 'Synthetic load-test data (not real figures)', NULL, '2026', 'news', 'synthetic');

INSERT INTO indicators (code, category_id, name_zh, name_en, unit_code, measure, direction, precision, chart, description_zh, description_en)
SELECT 'syn_' || lpad(g::text, 5, '0'),
       (SELECT id FROM categories ORDER BY sort_order OFFSET (g % (SELECT count(*) FROM categories)) LIMIT 1),
       '合成指标 ' || g, 'Synthetic indicator ' || g, '亿元', 'level', 'higher', 1,
       CASE WHEN g % 2 = 0 THEN 'bar' ELSE 'line' END, '仅用于压力测试', 'Load test only'
FROM generate_series(1, :indicators) AS g;

-- Ten years of actuals for the city, and a target for the last year.
INSERT INTO observations (indicator_id, region_id, start_year, end_year, kind, comparator, value, document_id, section)
SELECT i.id, r.id, y, y, 'actual', 'eq', round((100 + random() * 900)::numeric, 1), d.id, 'synthetic'
FROM indicators i
CROSS JOIN generate_series(2014, 2023) AS y
CROSS JOIN (SELECT id FROM regions WHERE slug = 'linyi') r
CROSS JOIN (SELECT id FROM documents WHERE code = 'synthetic') d
WHERE i.code LIKE 'syn\_%';

INSERT INTO observations (indicator_id, region_id, start_year, end_year, kind, comparator, value, document_id, section)
SELECT i.id, r.id, 2024, 2024, 'target', 'ge', 1000, d.id, 'synthetic'
FROM indicators i
CROSS JOIN (SELECT id FROM regions WHERE slug = 'linyi') r
CROSS JOIN (SELECT id FROM documents WHERE code = 'synthetic') d
WHERE i.code LIKE 'syn\_%';

-- Every other region gets the latest year for a tenth of the synthetic indicators.
INSERT INTO observations (indicator_id, region_id, start_year, end_year, kind, comparator, value, document_id, section)
SELECT i.id, r.id, 2023, 2023, 'actual', 'eq', round((10 + random() * 90)::numeric, 1), d.id, 'synthetic'
FROM indicators i
CROSS JOIN regions r
CROSS JOIN (SELECT id FROM documents WHERE code = 'synthetic') d
WHERE i.code LIKE 'syn\_%' AND r.slug <> 'linyi' AND i.id % 10 = r.id % 10;

COMMIT;
ANALYZE;
