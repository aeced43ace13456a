package grading

import "github.com/hubrules/hubrules"

// The rule IDs of this package (DOMAIN.md §4).
const (
	RuleLevel   = "GRD-LEVEL-01"
	RuleParty   = "GRD-PARTY-01"
	RuleElig    = "GRD-ELIG-01"
	RuleValid   = "GRD-VALID-01"
	RuleDown    = "GRD-DOWN-01"
	RulePriv    = "GRD-PRIV-01"
	RuleAnnual  = "GRD-ANNUAL-01"
	RuleStar    = "GRD-STAR-01"
	RuleSystems = "GRD-SYS-01"
	RuleNorms   = "GRD-NORM-01"
)

const measures2010 = "《社会组织评估管理办法》（民政部令第39号，2010）"

// Rules returns the catalogue of the grading rules.
func Rules() hubrules.Catalogue {
	return hubrules.Catalogue{
		{ID: RuleLevel, Package: "grading", Title: hubrules.T("规范化等级评估：指标得分、总分与分档定级", "standardization grading: indicator scores, total and grade bands"),
			Source: hubrules.Source{Document: measures2010 + "；安庆市、怀宁县评估通知；《上海市社会组织评估指标（2025年版）》", Clause: "第八至十条；分档"},
			Params: []string{"level.sheet.social_group", "level.sheet.social_service_institution", "level.sheet.foundation", "level.sheet.community_org", "level.bands", "level.bonus_max", "level.bonus_capped_at_full"}},
		{ID: RuleParty, Package: "grading", Title: hubrules.T("评估中的党建：组织形式得分与参评门槛", "party building in the evaluation: form score and gates"),
			Source: hubrules.Source{Document: "《上海市社会组织评估指标（2025年版）》；怀宁县评估通知（2022）；江苏省社会组织评估指标（试行）；seed " + hubrules.SeedJingan, Clause: "党组织8分；应建未建不予参评；无党组织不得评5A"},
			Params: []string{"party.form_percent", "party.weight_percent", "party.gate_min_formal_members", "party.gate_exclude_should_have", "party.cap_without_org"}},
		{ID: RuleElig, Package: "grading", Title: hubrules.T("参评资格", "who may be evaluated"),
			Source: hubrules.Source{Document: measures2010 + "；2026年修订本", Clause: "第六、七条"}, Params: []string{"standing.measures"}},
		{ID: RuleValid, Package: "grading", Title: hubrules.T("评估等级有效期", "validity of a grade"),
			Source: hubrules.Source{Document: measures2010 + "；2026年修订本", Clause: "第二十八条"}, Params: []string{"standing.measures"}},
		{ID: RuleDown, Package: "grading", Title: hubrules.T("有效期内降级", "downgrade within the validity period"),
			Source: hubrules.Source{Document: measures2010 + "；民政部公告第432号（2018）", Clause: "第三十条"}, Params: []string{"standing.measures"}},
		{ID: RulePriv, Package: "grading", Title: hubrules.T("评估等级对应的待遇", "privileges of a grade"),
			Source: hubrules.Source{Document: measures2010 + "；财政部 税务总局 民政部公告2020年第27号；seed " + hubrules.SeedJingan, Clause: "第二十九条"}, Params: []string{"standing.measures"}},
		{ID: RuleAnnual, Package: "grading", Title: hubrules.T("凯旋街道社区社会组织年度考评", "Kaixuan annual assessment of community organizations"),
			Source: hubrules.Source{Document: "seed " + hubrules.SeedKaixuan, Clause: "跟踪评估强管理"}, Params: []string{"annual.dimensions", "annual.rater_groups"}},
		{ID: RuleStar, Package: "grading", Title: hubrules.T("星级社会组织党组织评定", "star rating of party organizations"),
			Source: hubrules.Source{Document: "seed " + hubrules.SeedJingan, Clause: "静安区星级社会组织党组织评定办法"}, Params: []string{"star.items", "star.bands"}},
		{ID: RuleSystems, Package: "grading", Title: hubrules.T("七项制度", "the seven institutional systems"),
			Source: hubrules.Source{Document: "seed " + hubrules.SeedWuliqiao, Clause: "理事会、监事会、财务管理、信息公开、重大事项报告、档案印章、劳动用工"}, Params: []string{"level.sheet.social_group"}},
		{ID: RuleNorms, Package: "grading", Title: hubrules.T("34条党建+业务规范", "the 34 party-building and business norms"),
			Source: hubrules.Source{Document: "seed " + hubrules.SeedKaixuan + "；《社区社会组织双孵化服务规范》DB3301/T 0346—2021", Clause: "规范建设、培育孵化、督导评估、出壳服务"}, Params: []string{"norm.total", "norm.areas"}},
	}
}
