package hub

import "github.com/hubrules/hubrules"

const (
	docConstitution = "《中国共产党章程》"
	docBranchRegs   = "《中国共产党支部工作条例（试行）》（2018）"
	docOrganRegs    = "《中国共产党党和国家机关基层组织工作条例》"
	docTermOpinion  = "中共中央办公厅《关于党的基层组织任期的意见》（2018）"
	docHangzhouStd  = "DB3301/T 0346—2021"
)

// Rules returns every rule of the package — the HUB-* rules and the SYNC-*
// six synchronizations of DOMAIN.md §2 — sorted by ID, with titles, sources
// and the parameters each reads.
func Rules() hubrules.Catalogue { return hubrules.Join(hubRules(), SyncRules()) }

// hubRules returns the HUB-* rules.
func hubRules() hubrules.Catalogue {
	r := func(id, zh, en string, src hubrules.Source, params ...string) hubrules.Rule {
		return hubrules.Rule{ID: id, Package: "hub", Title: hubrules.T(zh, en), Source: src, Params: params}
	}
	return hubrules.Catalogue{
		r(RuleForm01, "按正式党员数确定党组织形式", "party form required by the count of formal members",
			hubrules.Source{Document: docConstitution, Clause: "第三十条；" + docBranchRegs + "第四条"}, "form.own_branch_min_formal"),
		r(RuleForm02, "党组织规模：支部委员会、党总支、基层党委", "size of the party body: branch committee, general branch, committee",
			hubrules.Source{Document: docBranchRegs, Clause: "第二章、第六章；" + docOrganRegs + "第五条至第七条"},
			"form.committee_min_formal", "form.branch_committee_min", "form.branch_committee_max", "form.branch_committee_cap",
			"form.branch_max_members", "form.general_branch_min_members", "form.committee_min_members"),
		r(RuleForm03, "联合党支部覆盖单位一般不超过 5 个", "a joint branch covers at most 5 units",
			hubrules.Source{Document: docBranchRegs, Clause: "第二章（联合党支部）"}, "form.joint_branch_max_units"),
		r(RuleTerm01, "党组织任期与按期换届", "terms of party bodies and overdue elections",
			hubrules.Source{Document: docTermOpinion},
			"term.committee_years", "term.branch_years", "term.community_years", "term.max_extension_months", "term.due_soon_days"),
		r(RuleCov01, "成员组织的组织覆盖与工作覆盖", "organizational and work coverage of a hub's members",
			hubrules.Source{Document: hubrules.SeedWuliqiao, Clause: "独立党支部 8 家、派驻党建联络员 18 家、活动型党支部 6 家"}),
		r(RuleCov02, "党组织形式弱于应建形式", "a party form weaker than the form the members require",
			hubrules.Source{Document: hubrules.SeedWuliqiao, Clause: "双培三同步"}, "form.own_branch_min_formal"),
		r(RuleXapt01, "双向进入、交叉任职比例", "cross-appointment rate",
			hubrules.Source{Document: hubrules.SeedWuliqiao, Clause: "交叉任职 24 家（75%）"}, "xapt.target_percent"),
		r(RuleStruct01, "“1+N+X”党组织架构", "the \"1+N+X\" party structure",
			hubrules.Source{Document: hubrules.SeedKaixuan, Clause: "1 个党委、6 个党总支、36 个党支部、326 名党员；另见 " + hubrules.SeedJingan},
			"form.own_branch_min_formal"),
		r(RuleCensus01, "入驻时拉网排摸、动态掌握党员情况", "party census on move-in, kept current",
			hubrules.Source{Document: hubrules.SeedWuliqiao, Clause: "拉网排摸、动态掌握"}, "census.refresh_months"),
		r(RuleAdmin01, "管办分离：行政性党务不交给枢纽组织", "administrative party work never assigned to the hub",
			hubrules.Source{Document: hubrules.SeedLujiazui, Clause: "社区党建服务中心主要职能"}, "admin.admin_only_tasks"),
		r(RuleFunc01, "枢纽型组织五大功能", "the five hub functions",
			hubrules.Source{Document: hubrules.SeedLujiazui}, "func.required_functions"),
		r(RuleBoard01, "理事会任期与换届", "board terms and re-election",
			hubrules.Source{Document: hubrules.SeedLujiazui, Clause: "理事会制，理事采取任期制，届满可连选连任"}, "board.term_years", "board.due_soon_days"),
		r(RuleXiyuan01, "“两委两站”交叉任职", "\"two committees, two stations\" concurrent posts",
			hubrules.Source{Document: hubrules.SeedXiyuan, Clause: "两委两站"}),
		r(RuleXiyuan02, "“1+2+X”社会工作服务站", "the \"1+2+X\" social-work service station",
			hubrules.Source{Document: hubrules.SeedXiyuan, Clause: "“1+2+X”结构"},
			"xiyuan.station_social_workers", "xiyuan.station_residents_members", "xiyuan.station_min_orgs"),
		r(RuleXiyuan03, "“4+1”社会工作师配备", "the \"4+1\" certified social-worker standard",
			hubrules.Source{Document: hubrules.SeedXiyuan, Clause: "“4+1”标准"}, "xiyuan.min_certified_per_body"),
		r(RuleCentre01, "街道社会组织服务中心条件", "conditions of a street service centre",
			hubrules.Source{Document: docHangzhouStd, Clause: "服务中心条件（二手来源）"}, "centre.min_office_m2", "centre.min_operator_grade"),
		r(RuleDay01, "每月 25 日党员固定奉献日", "the monthly party dedication day (25th)",
			hubrules.Source{Document: hubrules.SeedKaixuan, Clause: "每月25日“党员固定奉献日”"}, "day.dedication_day"),
	}
}
