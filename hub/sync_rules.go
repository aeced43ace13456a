package hub

import "github.com/hubrules/hubrules"

// syncSources are the sources of SYNC-1 … SYNC-6 (index = link): the
// kaixuan article's six links, with the jingan and wuliqiao variants in the
// note.
var syncSources = [7]hubrules.Source{{},
	syncKaixuan.WithNote(threeSync + "静安：“在社会组织成立登记时通过提交党建工作方案，设置法人约谈会”（静安一文 二（一）三是）；五里桥：“社会组织登记与党组织设立同步审批”（五里桥一文“筑牢制度和组织基础”一节）。jingan: a work plan and a legal-representative interview at registration; wuliqiao: the party organization approved with the registration."),
	syncKaixuan.WithNote("入驻环节：“依托凯益荟入驻登记全面排摸入驻社会组织负责人政治面貌、党员数量”。move-in: the census taken at the move-in registration."),
	syncKaixuan.WithNote("五里桥：“社会组织公益活动与党建活动同步开展”。wuliqiao: public-benefit and party activities held together."),
	syncKaixuan.WithNote(threeSync + "静安：年检（年报）时同步把好党建关（静安一文 二（一）三是）。jingan: party building checked at the annual inspection."),
	syncKaixuan.WithNote("换届环节；原文未写具体步骤，“换届前党组织对人选把关”是我们的解读。re-election: the article names the link only; the candidate review is our reading."),
	syncKaixuan.WithNote(threeSync + "五里桥：“社会组织等级评估与党组织建设同步考核”；静安：等级评估时同步把好党建关。wuliqiao and jingan: party building assessed in the grading."),
}

// threeSync is the national text behind SYNC-1, SYNC-4 and SYNC-6: the 2015
// opinion's 三同步 of party work with registration, annual inspection and
// evaluation. Its full text was not available to us: the requirement is
// read as the Ministry of Civil Affairs quotes it, so the note says so and
// the rules keep the seeds as their own text.
const threeSync = "全国：中共中央办公厅《关于加强社会组织党的建设工作的意见（试行）》（中办发〔2015〕51号，2015-09-28）要求在社会组织登记、年检和评估中同步开展党建工作（“三同步”）；全文未取得，据民政部对该意见的引述，段落序号未核对。nationally, the 2015 opinion (中办发〔2015〕51号) asks for party work together with registration, annual inspection and evaluation; its full text was not available: as quoted by the Ministry of Civil Affairs, paragraph not checked. "

// syncKaixuan is where the kaixuan article states the six links.
var syncKaixuan = hubrules.Seed(hubrules.Kaixuan, "二、主要做法·（一）创新组织堡垒建设：“在社会组织登记、入驻、管理、年检、换届、评选等六大环节同步嵌入‘党建基因’”")

// SyncRules returns the catalogue of the six synchronizations, SYNC-1 …
// SYNC-6, with their titles, sources and parameters.
func SyncRules() hubrules.Catalogue {
	common := []string{"sync_profile", "sync_links"}
	with := func(names ...string) []string { return append(append([]string(nil), common...), names...) }
	return hubrules.Catalogue{
		{ID: "SYNC-1", Package: "hub", Source: syncSources[1],
			Title:  hubrules.T("登记同步：登记或备案时同步提交党建工作方案（静安加法人约谈；五里桥登记时有三名以上正式党员的，同步审批党组织设立）", "Registration: a party-building work plan with the registration or filing (jingan adds a legal-representative interview; wuliqiao, with ≥3 formal members on the day of registration, approves the party organization together with the registration)"),
			Params: with("sync1_requires", "sync1_plan_max_days_after", "sync1_interview_max_days_after", "sync1_approval_max_days", "sync1_approval_min_members")},
		{ID: "SYNC-2", Package: "hub", Source: syncSources[2],
			Title:  hubrules.T("入驻同步：入驻后按期完成党员情况排摸登记", "Move-in: the party census recorded within the window after moving in"),
			Params: with("sync2_census_max_days")},
		{ID: "SYNC-3", Package: "hub", Source: syncSources[3],
			Title:  hubrules.T("管理同步：在驻期间党组织覆盖到位，且每季度开展党建与业务同步活动", "Management: party coverage in place and joint party and business activities every quarter in the hub"),
			Params: with("form.own_branch_min_formal", "sync3_min_joint_per_quarter", "sync3_quarters_reviewed")},
		{ID: "SYNC-4", Package: "hub", Source: syncSources[4],
			Title: hubrules.T("年检同步：登记（入驻）后每个报告年度，在次年报送期限前报送含党建工作内容的年度报告；期限未到的年度不检查",
				"Annual report: for each report year since registration (and move-in), an annual report with a party-building section filed by the next year's deadline; a year whose deadline has not passed is not checked"),
			Params: with("sync4_deadline_month", "sync4_deadline_day", "sync4_min_months_registered")},
		{ID: "SYNC-5", Package: "hub", Source: syncSources[5],
			Title:  hubrules.T("换届同步：换届前党组织对人选把关", "Re-election: the party organization reviews the candidates on or before the board's re-election"),
			Params: with()},
		{ID: "SYNC-6", Package: "hub", Source: syncSources[6],
			Title:  hubrules.T("评选同步：等级评估或评选同步考核党建工作", "Evaluation: party building assessed in the same grading or award evaluation"),
			Params: with()},
	}
}
