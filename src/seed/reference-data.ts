/**
 * Reference data for the district: industries with the category lists RULES.md uses, and the departments that
 * supervise them ("三个必须"). Loaded with the demo district and by any new deployment.
 */
export type IndustrySeed = { code: string; name: string; nameEn: string; highRisk: boolean; categories: string[] };

// Category keys: team_required (R-TEAM-1), engineer_required (R-TEAM-2), liability_insurance (R-INS-1),
// rescue_org (R-EMG-3), drill_half_year (R-EMG-2), training_strict (R-TRN-1).
// R-TEAM-1: every transport unit (road, urban rail, and warehousing/logistics, whose GB/T 4754 division G also holds the
// loading units 装卸搬运) and every hazardous-goods producer, trader or storer (chemicals, fireworks, civil explosives,
// town gas) besides mining, smelting and construction. R-TEAM-2: engineer_required is the seed's set (construction,
// road transport, hazardous-goods traders such as town gas) plus the law's (Art 27); engineer_mandatory marks the law's
// subset: hazardous-goods producers and storers, mining, metal smelting. R-EMG-3 (rescue_org, 安全生产法 Art 82) and R-EMG-2
// (drill_half_year, 预案管理办法 Art 33): hazardous-goods producers, traders and storers (chemicals, fireworks, civil
// explosives, town gas), mining, metal smelting, urban rail and construction; carriers and crowded venues are enterprise
// flags, not industries (emergency.rule-sets.ts).
export const INDUSTRIES: IndustrySeed[] = [
  { code: 'hazardous_chemicals', name: '危险化学品', nameEn: 'Hazardous chemicals', highRisk: true, categories: ['team_required', 'engineer_required', 'engineer_mandatory', 'liability_insurance', 'rescue_org', 'drill_half_year', 'training_strict'] },
  { code: 'non_coal_mining', name: '非煤矿山', nameEn: 'Non-coal mining', highRisk: true, categories: ['team_required', 'engineer_required', 'engineer_mandatory', 'liability_insurance', 'rescue_org', 'drill_half_year', 'training_strict'] },
  { code: 'metal_smelting', name: '金属冶炼', nameEn: 'Metal smelting', highRisk: true, categories: ['team_required', 'engineer_required', 'engineer_mandatory', 'liability_insurance', 'rescue_org', 'drill_half_year', 'training_strict'] },
  { code: 'fireworks', name: '烟花爆竹', nameEn: 'Fireworks', highRisk: true, categories: ['team_required', 'engineer_required', 'engineer_mandatory', 'liability_insurance', 'rescue_org', 'drill_half_year', 'training_strict'] },
  { code: 'civil_explosives', name: '民用爆炸物品', nameEn: 'Civil explosives', highRisk: true, categories: ['team_required', 'engineer_required', 'engineer_mandatory', 'liability_insurance', 'rescue_org', 'drill_half_year'] },
  { code: 'construction', name: '建筑施工', nameEn: 'Construction', highRisk: true, categories: ['team_required', 'engineer_required', 'liability_insurance', 'rescue_org', 'drill_half_year'] },
  { code: 'road_transport', name: '道路运输', nameEn: 'Road transport', highRisk: true, categories: ['team_required', 'engineer_required', 'liability_insurance'] },
  { code: 'urban_rail', name: '城市轨道交通', nameEn: 'Urban rail transit', highRisk: true, categories: ['team_required', 'rescue_org', 'drill_half_year'] },
  { code: 'gas', name: '城镇燃气', nameEn: 'Town gas', highRisk: true, categories: ['team_required', 'engineer_required', 'rescue_org', 'drill_half_year'] },
  { code: 'fishery', name: '渔业船舶', nameEn: 'Fishery', highRisk: false, categories: ['liability_insurance'] },
  { code: 'machinery', name: '机械制造', nameEn: 'Machinery manufacturing', highRisk: false, categories: [] },
  { code: 'light_industry', name: '轻工', nameEn: 'Light industry', highRisk: false, categories: [] },
  { code: 'building_materials', name: '建材', nameEn: 'Building materials', highRisk: false, categories: [] },
  { code: 'food_processing', name: '食品加工', nameEn: 'Food processing', highRisk: false, categories: [] },
  { code: 'commerce', name: '商贸（商场超市）', nameEn: 'Commerce (malls, supermarkets)', highRisk: false, categories: [] },
  { code: 'warehousing', name: '仓储物流', nameEn: 'Warehousing and logistics', highRisk: false, categories: ['team_required'] },
  { code: 'hotel_catering', name: '住宿餐饮', nameEn: 'Hotels and catering', highRisk: false, categories: [] },
  { code: 'culture_tourism', name: '文化旅游', nameEn: 'Culture and tourism', highRisk: false, categories: [] },
  { code: 'education', name: '教育', nameEn: 'Education', highRisk: false, categories: [] },
  { code: 'healthcare', name: '卫生健康', nameEn: 'Health care', highRisk: false, categories: [] },
];

export const DEPARTMENTS: { code: string; name: string; industries: string[] }[] = [
  { code: 'YJJ', name: '区应急管理局', industries: ['hazardous_chemicals', 'non_coal_mining', 'metal_smelting', 'fireworks', 'machinery', 'light_industry', 'building_materials', 'food_processing'] },
  { code: 'ZJJ', name: '区住房和城乡建设局', industries: ['construction', 'gas'] },
  { code: 'JTJ', name: '区交通运输局', industries: ['road_transport', 'urban_rail'] },
  { code: 'SJJ', name: '区市场监督管理局', industries: ['food_processing'] },
  { code: 'SWJ', name: '区商务局', industries: ['commerce', 'warehousing', 'hotel_catering'] },
  { code: 'WLJ', name: '区文化和旅游局', industries: ['culture_tourism'] },
  { code: 'JYJ', name: '区教育体育局', industries: ['education'] },
  { code: 'WJJ', name: '区卫生健康局', industries: ['healthcare'] },
  { code: 'GXJ', name: '区工业和信息化局', industries: ['machinery', 'light_industry', 'building_materials'] },
  { code: 'GAJ', name: '区公安分局', industries: ['civil_explosives'] },
  { code: 'NYJ', name: '区农业农村局', industries: ['fishery'] },
];

export const SUBDISTRICTS: { code: string; name: string }[] = [
  { code: '530111001', name: '关上街道' },
  { code: '530111002', name: '太和街道' },
  { code: '530111003', name: '吴井街道' },
  { code: '530111004', name: '金马街道' },
  { code: '530111005', name: '小板桥街道' },
  { code: '530111006', name: '官渡街道' },
  { code: '530111007', name: '矣六街道' },
  { code: '530111008', name: '六甲街道' },
  { code: '530111009', name: '大板桥街道' },
  { code: '530111010', name: '阿拉街道' },
];
