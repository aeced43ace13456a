package hub

import "github.com/hubrules/hubrules"

const (
	syncURLKaixuan = "http://dangjian.people.com.cn/n1/2024/1012/c458448-40337839.html"
)

// syncSources are the sources of SYNC-1 … SYNC-6 (index = link).
var syncSources = [7]hubrules.Source{{},
	{Document: hubrules.SeedKaixuan, Clause: "双孵六同步：登记环节同步嵌入党建基因；001 静安：登记成立时提交党建工作方案、设置法人约谈会；002 五里桥：社会组织登记与党组织设立同步审批", URL: syncURLKaixuan},
	{Document: hubrules.SeedKaixuan, Clause: "双孵六同步：入驻环节；依托凯益荟入驻登记全面排摸入驻社会组织负责人政治面貌、党员数量", URL: syncURLKaixuan},
	{Document: hubrules.SeedKaixuan, Clause: "双孵六同步：管理环节；002 五里桥：社会组织公益活动与党建活动同步开展", URL: syncURLKaixuan},
	{Document: hubrules.SeedKaixuan, Clause: "双孵六同步：年检环节；001 静安：年检(年报)时加大党建工作指标比重", URL: syncURLKaixuan},
	{Document: hubrules.SeedKaixuan, Clause: "双孵六同步：换届环节", URL: syncURLKaixuan},
	{Document: hubrules.SeedKaixuan, Clause: "双孵六同步：评选环节；002 五里桥：等级评估与党组织建设同步考核；001 静安：规范化等级评估时加大党建工作指标比重", URL: syncURLKaixuan},
}

// SyncRules returns the catalogue of the six synchronizations, SYNC-1 …
// SYNC-6, with their titles, sources and parameters.
func SyncRules() hubrules.Catalogue {
	common := []string{"sync_profile", "sync_links"}
	with := func(names ...string) []string { return append(append([]string(nil), common...), names...) }
	return hubrules.Catalogue{
		{ID: "SYNC-1", Package: "hub", Source: syncSources[1],
			Title:  hubrules.T("登记同步：登记或备案时同步提交党建工作方案（静安加法人约谈；五里桥三名以上正式党员的同步审批党组织设立）", "Registration: a party-building work plan with the registration or filing (jingan adds a legal-representative interview; wuliqiao, with ≥3 formal members, approves the party organization together with the registration)"),
			Params: with("sync1_requires", "sync1_plan_max_days_after", "sync1_interview_max_days_after", "sync1_approval_max_days", "sync1_approval_min_members")},
		{ID: "SYNC-2", Package: "hub", Source: syncSources[2],
			Title:  hubrules.T("入驻同步：入驻后按期完成党员情况排摸登记", "Move-in: the party census recorded within the window after moving in"),
			Params: with("sync2_census_max_days")},
		{ID: "SYNC-3", Package: "hub", Source: syncSources[3],
			Title:  hubrules.T("管理同步：在驻期间党组织覆盖到位，且每季度开展党建与业务同步活动", "Management: party coverage in place and joint party and business activities every quarter in the hub"),
			Params: with("form.own_branch_min_formal", "sync3_min_joint_per_quarter", "sync3_quarters_reviewed")},
		{ID: "SYNC-4", Package: "hub", Source: syncSources[4],
			Title:  hubrules.T("年检同步：年度报告含党建工作内容", "Annual report: the report filed carries a party-building section"),
			Params: with()},
		{ID: "SYNC-5", Package: "hub", Source: syncSources[5],
			Title:  hubrules.T("换届同步：换届前党组织对人选把关", "Re-election: the party organization reviews the candidates on or before the board's re-election"),
			Params: with()},
		{ID: "SYNC-6", Package: "hub", Source: syncSources[6],
			Title:  hubrules.T("评选同步：等级评估或评选同步考核党建工作", "Evaluation: party building assessed in the same grading or award evaluation"),
			Params: with()},
	}
}
