package grading

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/rulecat"
)

// The rule IDs of this package (docs/rules.md).
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

// Rules returns the catalogue of the grading rules.
func Rules() hubrules.Catalogue { return append(hubrules.Catalogue(nil), catalogue...) }

// catalogue is built and registered once, so that findings cite their rules.
var catalogue = rulecat.Register(rules())

func rules() hubrules.Catalogue {
	return hubrules.Catalogue{
		{ID: RuleLevel, Package: "grading", Title: hubrules.T("规范化等级评估：指标得分、总分与分档定级", "standardization grading: indicator scores, total and grade bands"),
			Source: hubrules.EvaluationMeasures2010("第八条至第十条").WithNote("办法只定一级指标；分档与加分是地方规定（安庆市、怀宁县；上海2025年版指标未见分档），见各参数。the measures set the first-level indicators only; bands and bonus points are local (Anqing, Huaining; no bands found for Shanghai 2025): see the parameters."),
			Params: []string{"level.sheet.social_group", "level.sheet.social_service_institution", "level.sheet.foundation", "level.sheet.community_org", "level.bands", "level.bonus_max", "level.bonus_capped_at_full"}},
		{ID: RuleParty, Package: "grading", Title: hubrules.T("评估中的党建：组织形式得分与参评门槛", "party building in the evaluation: form score and gates"),
			Source: hubrules.Source{Title: hubrules.T("《上海市社会组织评估指标（2025年版）》", "Shanghai social organization evaluation indicators (2025 edition)"), Issuer: "上海市民政局", Issued: "2025-05-19", InForce: "2025-05-19", Place: "上海市", Article: "行业协会商会指标·党组织（8分）：建立2分（“应建未建不予参评”）、活动3分、发挥作用3分", URL: "https://www.shcm.gov.cn/govxxgk/qmzj/2025-05-22/b19c8f14-f877-494f-9539-2281855d35ea.html",
				Note: "“无党组织不得评为5A”出自怀宁县（安庆市）2022年通知；组织形式计分出自《江苏省社会组织评估指标（试行）》；静安提出加大党建指标权重。no-5A-without-a-party-organization is Huaining's (Anqing) 2022 notice; the form scores are Jiangsu's trial indicators; jingan raises the party weight."},
			Params: []string{"party.form_percent", "party.weight_percent", "party.gate_min_formal_members", "party.gate_exclude_should_have", "party.cap_without_org"}},
		{ID: RuleElig, Package: "grading", Title: hubrules.T("参评资格", "who may be evaluated"),
			Source: hubrules.EvaluationMeasures2010("第六条、第七条").WithNote("2026-03-01起适用修订后的办法（令号与条文未取得，据报道）。from 2026-03-01 the revised measures apply (order number and articles not retrieved; from news reports)."), Params: []string{"standing.measures"}},
		{ID: RuleValid, Package: "grading", Title: hubrules.T("评估等级有效期", "validity of a grade"),
			Source: hubrules.EvaluationMeasures2010("第二十八条").WithNote("2026-03-01起适用修订后的办法（据报道）。from 2026-03-01 the revised measures apply (from news reports)."), Params: []string{"standing.measures"}},
		{ID: RuleDown, Package: "grading", Title: hubrules.T("有效期内降级", "downgrade within the validity period"),
			Source: hubrules.EvaluationMeasures2010("第三十条").WithNote("降一级、15日内交回证书牌匾见民政部公告第432号（2018-04-28）等适用该条的公告。one grade down and the certificate returned within 15 days: MCA announcement No. 432 (2018-04-28) and others applying the article."), Params: []string{"standing.measures"}},
		{ID: RulePriv, Package: "grading", Title: hubrules.T("评估等级对应的待遇", "privileges of a grade"),
			Source: hubrules.EvaluationMeasures2010("第二十九条").WithNote("税前扣除资格与3A的关系见财政部 税务总局 民政部公告2020年第27号；静安3A以上151家见静安一文“三、主要成绩”。the deduction qualification and 3A: MOF/STA/MCA announcement 2020 No. 27; jingan's 151 orgs at 3A+ in the jingan article, part 3."), Params: []string{"standing.measures"}},
		{ID: RuleAnnual, Package: "grading", Title: hubrules.T("凯旋街道社区社会组织年度考评", "Kaixuan annual assessment of community organizations"),
			Source: hubrules.Seed(hubrules.Kaixuan, "二、主要做法·（一）创新组织堡垒建设：“对社区社会组织的独立运行、党组织建设、项目承接、居民(或服务对象)满意度等，进行多层面、多方面测评”"), Params: []string{"annual.dimensions", "annual.rater_groups"}},
		{ID: RuleStar, Package: "grading", Title: hubrules.T("星级社会组织党组织评定", "star rating of party organizations"),
			Source: hubrules.Seed(hubrules.Jingan, "二、基本做法·（一）加强顶层设计·二是强化政策制度保障（星级社会组织党组织评定）").WithNote("评定办法本身未取得，分项与分档为示意。the rating measures themselves were not retrieved; items and bands are stand-ins."), Params: []string{"star.items", "star.bands"}},
		{ID: RuleSystems, Package: "grading", Title: hubrules.T("七项制度", "the seven institutional systems"),
			Source: hubrules.Seed(hubrules.Wuliqiao, "“筑牢制度和组织基础”一节：以理事会制度为核心的七项制度（理事会、监事会、财务管理、信息公开、重大事项报告、档案印章、劳动用工）"), Params: []string{"level.sheet.social_group"}},
		{ID: RuleNorms, Package: "grading", Title: hubrules.T("34条党建+业务规范", "the 34 party-building and business norms"),
			Source: hubrules.HangzhouDoubleIncubation("（条款未取得）").WithNote("领域（规范建设、培育孵化、督导评估、出壳服务）见凯旋一文“二、主要做法·（一）”；“34条”未见于所读文本，条数为示意。the areas are in the kaixuan article, part 2 (1); the count 34 is in no text we read and is a stand-in."), Params: []string{"norm.total", "norm.areas"}},
	}
}
