package incubation

import "github.com/hubrules/hubrules"

// The rule IDs of this package (DOMAIN.md §3).
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
func Rules() hubrules.Catalogue {
	return hubrules.Catalogue{
		{ID: RuleAdmit, Package: "incubation",
			Title:  hubrules.T("入壳：服务社区、有负责人、完成入驻排摸；以组织或项目入驻", "admission: serves the community, has a named leader, move-in census done; enters as an organization or a project"),
			Source: hubrules.Source{Document: hubrules.SeedKaixuan, Clause: "二（一）同步孵化强覆盖；" + hubrules.SeedJingan + " 二（三）二 组织入驻为主、项目化入驻为辅"}},
		{ID: RulePeriod, Package: "incubation",
			Title:  hubrules.T("孵化期有期限，至多延期一次；逾期未出壳未延期即为问题", "an incubation term has a length and at most one extension; past the term without graduating or extending is a finding"),
			Source: hubrules.Source{Document: "research/regulations.md", Clause: "§5.1 NPI 孵化期约一年；§5.6 延期规则未找到"},
			Params: []string{ParamTermMonths, ParamExtensionMonths, ParamExtensionMax}},
		{ID: RuleGraduate, Package: "incubation",
			Title:  hubrules.T("出壳：登记或备案、独立运作、党组织覆盖达标（双孵）、完成项目、年度测评及居民满意度达标", "graduation: registered or filed, independent operation, party coverage as required (double incubation), projects delivered, annual assessment and resident satisfaction at threshold"),
			Source: hubrules.Source{Document: hubrules.SeedKaixuan, Clause: "二（一）跟踪评估强管理（独立运行、党组织建设、项目承接、居民满意度）；DB3301/T 0346—2021 出壳"},
			Params: []string{ParamBranchMin, ParamMinProjects, ParamMinAssessment, ParamMinSatisfaction}},
		{ID: RuleGovern, Package: "incubation",
			Title:  hubrules.T("参与治理：出壳组织承接治理项目（政府购买服务或认领社区清单项目）", "governing: a graduate takes on a governance project (government-purchased service or a project claimed from the community lists)"),
			Source: hubrules.Source{Document: hubrules.SeedKaixuan, Clause: "二（二）“一站式+清单制”；三、三是 参与治理"}},
		{ID: RuleClass, Package: "incubation",
			Title:  hubrules.T("成熟度分类决定扶持策略：萌芽型孵化扶持、成长型以评促建、支持性合作发展", "maturity class decides the support strategy: sprouting → incubation support, growing → capacity building through grading, supporting → cooperative development"),
			Source: hubrules.Source{Document: hubrules.SeedWuliqiao, Clause: "分类施策；" + hubrules.SeedKaixuan + " 初创型、成长型"}},
		{ID: RulePath, Package: "incubation",
			Title:  hubrules.T("成长路径：居民骨干→先锋社团→社区社会组织→枢纽型社会组织，逐级上升", "growth path: resident activist → pioneer group → community organization → hub, one level at a time"),
			Source: hubrules.Source{Document: hubrules.SeedKaixuan, Clause: "四、一是 四级成长培育路径"}},
		{ID: RuleNetwork, Package: "incubation",
			Title:  hubrules.T("三级培育孵化网络：区级基地、社会基地、公益实践园；每个孵化对象只属于一个基地", "three-level incubation network: district base, social base, practice park; each incubatee belongs to exactly one base"),
			Source: hubrules.Source{Document: hubrules.SeedJingan, Clause: "二（三）二 三级社会组织培育孵化网络"}},
		{ID: RuleHistory, Package: "incubation",
			Title:  hubrules.T("每次状态变化记入只增不改的历史；重放历史得到当前状态", "every transition is kept in an append-only history; replaying it gives the current state"),
			Source: hubrules.Source{Document: "DOMAIN.md", Clause: "§3 INC-HIST-01"}},
	}
}
