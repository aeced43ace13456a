package incubation

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/rulecat"
)

// The rule IDs of this package (docs/rules.md).
const (
	RuleAdmit    = "INC-ADMIT-01"
	RulePeriod   = "INC-PERIOD-01"
	RuleGraduate = "INC-GRAD-01"
	RuleGovern   = "INC-GOV-01"
	RuleClass    = "INC-CLASS-01"
	RulePath     = "INC-PATH-01"
	RuleNetwork  = "INC-NET-01"
	RuleHistory  = "INC-HIST-01"
)

// Rules returns the catalogue of the incubation rules.
func Rules() hubrules.Catalogue { return append(hubrules.Catalogue(nil), catalogue...) }

// catalogue is built and registered once, so that findings cite their rules.
var catalogue = rulecat.Register(rules())

func rules() hubrules.Catalogue {
	return hubrules.Catalogue{
		{ID: RuleAdmit, Package: "incubation",
			Title:  hubrules.T("入壳：服务社区、有负责人、完成入驻排摸；以组织或项目入驻", "admission: serves the community, has a named leader, move-in census done; enters as an organization or a project"),
			Source: hubrules.Seed(hubrules.Kaixuan, "二、主要做法·（一）创新组织堡垒建设：“同步孵化强覆盖”").WithNote("以组织或项目入驻见静安一文“二、基本做法·（三）·二是”：“组织入驻为主、项目化入驻为辅”。entry as an organization or a project: the jingan article, part 2 (3), second point.")},
		{ID: RulePeriod, Package: "incubation",
			Title: hubrules.T("孵化期有期限，至多延期一次；逾期未出壳未延期即为问题", "an incubation term has a length and at most one extension; past the term without graduating or extending is a finding"),
			Source: hubrules.Source{Title: hubrules.T("〔恩派（NPI）公益组织孵化器的孵化期〕", "[the incubation period of the NPI non-profit incubator]"), Issuer: "上海浦东非营利组织发展中心（恩派），据新闻报道", Issued: "2008", Place: "上海市浦东新区",
				Article: "“在孵化器里大概一年”", Note: "未找到上海、杭州、合肥的官方孵化期与延期规则。no official incubation-period or extension rule was found for Shanghai, Hangzhou or Hefei."},
			Params: []string{ParamTermMonths, ParamExtensionMonths, ParamExtensionMax}},
		{ID: RuleGraduate, Package: "incubation",
			Title:  hubrules.T("出壳：登记或备案、独立运作、党组织覆盖达标（双孵）、完成项目、年度测评及居民满意度达标", "graduation: registered or filed, independent operation, party coverage as required (double incubation), projects delivered, annual assessment and resident satisfaction at threshold"),
			Source: hubrules.Seed(hubrules.Kaixuan, "二、主要做法·（一）创新组织堡垒建设：“对社区社会组织的独立运行、党组织建设、项目承接、居民(或服务对象)满意度等，进行多层面、多方面测评”").WithNote("《社区社会组织双孵化服务规范》（DB3301/T 0346—2021）的出壳条款未取得；门槛为示意。the graduation clauses of DB3301/T 0346—2021 were not retrieved; the thresholds are stand-ins."),
			Params: []string{ParamBranchMin, ParamMinProjects, ParamMinAssessment, ParamMinSatisfaction}},
		{ID: RuleGovern, Package: "incubation",
			Title:  hubrules.T("参与治理：出壳组织承接治理项目（政府购买服务或认领社区清单项目）", "governing: a graduate takes on a governance project (government-purchased service or a project claimed from the community lists)"),
			Source: hubrules.Seed(hubrules.Kaixuan, "三、实际成效·三是聚焦共同富裕，参与治理“红色样本”持续扩容")},
		{ID: RuleClass, Package: "incubation",
			Title:  hubrules.T("成熟度分类决定扶持策略：萌芽型孵化扶持、成长型以评促建、支持性合作发展", "maturity class decides the support strategy: sprouting → incubation support, growing → capacity building through grading, supporting → cooperative development"),
			Source: hubrules.Seed(hubrules.Wuliqiao, "“筑牢制度和组织基础”一节以后：“对于萌芽型社会组织，他们则重‘孵化扶持’”").WithNote("凯旋称前两类为初创型、成长型（凯旋一文“二、主要做法·（二）”）。kaixuan calls the first two 初创型 and 成长型 (kaixuan article, part 2 (2)).")},
		{ID: RulePath, Package: "incubation",
			Title:  hubrules.T("成长路径：居民骨干→先锋社团→社区社会组织→枢纽型社会组织，逐级上升", "growth path: resident activist → pioneer group → community organization → hub, one level at a time"),
			Source: hubrules.Seed(hubrules.Kaixuan, "四、经验探讨·一是深化孵化培育体系：“居民骨干—先锋社团—社区社会组织—枢纽型社会组织”").WithNote("原文只列四级；“逐级上升”是我们的解读。the article lists the four levels only; one level at a time is our reading.")},
		{ID: RuleNetwork, Package: "incubation",
			Title:  hubrules.T("三级培育孵化网络：区级基地、社会基地、公益实践园；每个孵化对象只属于一个基地", "three-level incubation network: district base, social base, practice park; each incubatee belongs to exactly one base"),
			Source: hubrules.Seed(hubrules.Jingan, "二、基本做法·（三）搭建枢纽平台·二是构建社会组织培育孵化网络").WithNote("“每个孵化对象只属于一个基地”是我们的解读；该网络是静安的规定，不是其他项目的入壳条件（参数 network.base_required）。exactly one base is our reading; the network is jingan's rule, not a condition of admission elsewhere (parameter network.base_required)."),
			Params: []string{ParamBaseRequired}},
		{ID: RuleHistory, Package: "incubation",
			Title:  hubrules.T("每次状态变化记入只增不改的历史；重放历史得到当前状态", "every transition is kept in an append-only history; replaying it gives the current state"),
			Source: hubrules.Source{Title: hubrules.T("〔本库的记录规则〕", "[a record-keeping rule of this library]"), Issuer: "hubrules", Place: hubrules.PlaceNational, Article: "INC-HIST-01", Note: "不出自政策文本：为使每次决定可追溯而设。not from a policy text: kept so that every decision can be traced."}},
	}
}
