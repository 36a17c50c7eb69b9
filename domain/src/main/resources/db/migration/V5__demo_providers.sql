-- Demo providers for court measures in Almaty: psychocorrection courses and temporary eviction.
insert into organisation (code, name, type, region_code) values
    ('ALM-HC',  'Демо-центр психического здоровья (Алматы)', 'HEALTHCARE_PROVIDER',      'ALM'),
    ('ALM-CSA', 'Демо-центр социальной адаптации (Алматы)',  'SOCIAL_ADAPTATION_CENTRE', 'ALM');
