package hub

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/rulecat"
)

// termOpinion is the 2018 opinion on the terms of grassroots party
// organizations.
func termOpinion(article string) hubrules.Source {
	return hubrules.Source{Title: hubrules.T("《关于党的基层组织任期的意见》", "Opinion on the Terms of Grassroots Party Organizations"),
		Issuer: "中共中央办公厅", Issued: "2018-07", InForce: "2018-07-12", Place: hubrules.PlaceNational, Article: article}
}

// Rules returns every rule of the package — the HUB-* rules and the SYNC-*
// six synchronizations — sorted by ID, with titles, sources
// and the parameters each reads.
func Rules() hubrules.Catalogue { return append(hubrules.Catalogue(nil), catalogue...) }

// catalogue is built and registered once, so that findings cite their rules.
var catalogue = rulecat.Register(hubrules.Join(hubRules(), SyncRules()))

// hubRules returns the HUB-* rules.
func hubRules() hubrules.Catalogue {
	r := func(id, zh, en string, src hubrules.Source, params ...string) hubrules.Rule {
		return hubrules.Rule{ID: id, Package: "hub", Title: hubrules.T(zh, en), Source: src, Params: params}
	}
	return hubrules.Catalogue{
		r(RuleForm01, "按正式党员数确定党组织形式", "party form required by the count of formal members",
			hubrules.PartyConstitution("第三十条").WithNote("另见《中国共产党支部工作条例（试行）》第四条；2017-10-24以前为党章第二十九条（2002年修改本称社会团体、社会中介组织，2007年起称社会组织）。also art. 4 of the branch work regulations; before 2017-10-24 art. 29 of the constitution (the 2002 text names 社会团体/社会中介组织, from 2007 社会组织)."), "form.own_branch_min_formal"),
		r(RuleForm02, "党组织规模：支部委员会、党总支、基层党委", "size of the party body: branch committee, general branch, committee",
			hubrules.BranchRegulations("第四条、第二十条").WithNote("总支、党委的人数界限据《中国共产党党和国家机关基层组织工作条例》第五条、第六条类推（50、100 人均含本数）。委员会人数只有支部有规定（第二十条：3至5人，一般不超过7人）；党总支、基层党委委员会的人数未见党内法规规定，党务手册（5—7人最多9人、5—9人）与地方做法（四川巴中：3—5人、5—7人）不一，故不设规则，结果注明。the general-branch and committee thresholds by analogy from arts. 5–6 of the organ regulations (50 and 100 inclusive). Only a branch committee's size is set (art. 20: 3–5, normally at most 7); for the committees of general branches and basic-level committees no party regulation gives one, handbooks (5–7 at most 9; 5–9) and local practice (Bazhong: 3–5; 5–7) disagree, so no size rule applies and the result says so."),
			"form.committee_min_formal", "form.branch_committee_min", "form.branch_committee_max", "form.branch_committee_cap",
			"form.branch_max_members", "form.general_branch_min_members", "form.committee_min_members"),
		r(RuleForm03, "联合党支部覆盖单位一般不超过 5 个", "a joint branch covers at most 5 units",
			hubrules.BranchRegulations("第五条"), "form.joint_branch_max_units"),
		r(RuleTerm01, "党组织任期与按期换届", "terms of party bodies and overdue elections",
			termOpinion("一、二").WithNote("2018-07-12以前：党章第三十条（2002、2007、2012年修改本）“党的基层委员会每届任期三年至五年，总支部委员会、支部委员会每届任期两年或三年”；2017-10-24起党章第三十一条三年至五年；延期不超过一年自1990年《中国共产党基层组织选举工作暂行条例》第三条起。before 2018-07-12 the constitution (art. 30 of the 2002, 2007 and 2012 texts): committees three to five years, general branches and branches two or three; from 2017-10-24 art. 31, three to five years for all; an extension of at most one year since art. 3 of the 1990 interim election regulations."),
			"term.committee_years", "term.branch_years", "term.community_years", "term.max_extension_months", "term.due_soon_days"),
		r(RuleCov01, "成员组织的组织覆盖与工作覆盖", "organizational and work coverage of a hub's members",
			hubrules.Seed(hubrules.Wuliqiao, "“筑牢制度和组织基础”一节：“独立党支部8家，派驻党建联络员18家，活动型党支部6家”")),
		r(RuleCov02, "党组织形式弱于应建形式", "a party form weaker than the form the members require",
			hubrules.Seed(hubrules.Wuliqiao, "“筑牢制度和组织基础”一节：“运用独建、联建、派驻党建联络员、建活动型党支部等形式扩大组织覆盖和工作覆盖”"), "form.own_branch_min_formal"),
		r(RuleXapt01, "双向进入、交叉任职：交叉任职人数占成员组织数的比例（五里桥 24 人／32 家 = 75%），并列出交叉任职组织占有党组织的组织的比例；只有党建联络员的组织无从交叉任职", "cross-appointment: persons cross-appointed over member organizations (wuliqiao 24 persons / 32 organizations = 75 %), with the share of organizations with a party organization that are cross-appointed; an organization with a liaison only has none to cross-appoint with",
			hubrules.Seed(hubrules.Wuliqiao, "“筑牢制度和组织基础”一节：“交叉任职24人，占比75%”").WithNote("原文未说明75%的分母；24人/32家成员组织正好是75%，我们按此读取（人数按组织填报，缺数时不计算、不算通过）。the article does not name the denominator of 75 %: 24 persons over the 32 member organizations is exactly 75 % and is our reading (persons are given per organization; a missing count is no record, never a pass)."), "xapt.target_percent"),
		r(RuleStruct01, "“1+N+X”党组织架构", "the \"1+N+X\" party structure",
			hubrules.Seed(hubrules.Kaixuan, "三、实际成效·一是聚焦强基固本：“党委下设有6个总支，36个党支部，党员326名”").WithNote("静安的街道结构见静安一文“二、基本做法·（一）加强顶层设计·一是完善党建工作格局”。jingan's street structure is in the jingan article, part 2 (1), first point."),
			"form.own_branch_min_formal"),
		r(RuleCensus01, "入驻时拉网排摸、动态掌握党员情况", "party census on move-in, kept current",
			hubrules.Seed(hubrules.Kaixuan, "二、主要做法·（一）创新组织堡垒建设：“关口前移+拉网排摸+动态掌握”"), "census.refresh_months"),
		r(RuleAdmin01, "管办分离：行政性党务不交给枢纽组织", "administrative party work never assigned to the hub",
			hubrules.Seed(hubrules.Lujiazui, "（四）在发展目标上·三是与党建服务中心的错位发展"), "admin.admin_only_tasks"),
		r(RuleFunc01, "枢纽型组织五大功能", "the five hub functions",
			hubrules.Seed(hubrules.Lujiazui, "（四）在发展目标上：一是培育孵化功能……五是人才聚集功能"), "func.required_functions"),
		r(RuleBoard01, "理事会任期与换届", "board terms and re-election",
			hubrules.Seed(hubrules.Lujiazui, "（一）在组织形式上：“组织管理上实行理事会制……规定理事采取任期制……届满可连选连任”").WithNote("原文未给任期年数。the article gives no term length."), "board.term_years", "board.due_soon_days"),
		r(RuleXiyuan01, "“两委两站”交叉任职", "\"two committees, two stations\" concurrent posts",
			hubrules.Seed(hubrules.Xiyuan, "二、主要做法·一是明确职责，建立“两委两站”模式")),
		r(RuleXiyuan02, "“1+2+X”社会工作服务站", "the \"1+2+X\" social-work service station",
			hubrules.Seed(hubrules.Xiyuan, "二、主要做法·二是优化组合，形成“三社联动”平台（“1+2+X”）"),
			"xiyuan.station_social_workers", "xiyuan.station_residents_members", "xiyuan.station_min_orgs"),
		r(RuleXiyuan03, "“4+1”社会工作师配备", "the \"4+1\" certified social-worker standard",
			hubrules.Seed(hubrules.Xiyuan, "三、基本经验·三是挖掘自身潜力（“4+1”标准）"), "xiyuan.min_certified_per_body"),
		r(RuleCentre01, "街道社会组织服务中心条件", "conditions of a street service centre",
			hubrules.HangzhouDoubleIncubation("4.1").WithNote("据标准预览页（OCR 有误）。from the standard's preview pages (garbled OCR)."), "centre.min_office_m2", "centre.min_operator_grade"),
		r(RuleDay01, "每月 25 日党员固定奉献日", "the monthly party dedication day (25th)",
			hubrules.Seed(hubrules.Kaixuan, "三、实际成效·一是聚焦强基固本：“每月25日‘党员固定奉献日’”"), "day.dedication_day"),
	}
}
