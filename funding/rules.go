package funding

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/rulecat"
)

// Rule IDs of package funding (docs/rules.md).
const (
	RuleFee        = "FND-FEE-01"
	RuleSupport    = "FND-SUPPORT-01"
	RuleBudget     = "FND-BUDGET-01"
	RulePurchase   = "FND-PURCHASE-01"
	RuleCatalogue  = "FND-PURCHASE-02"
	RuleVenture    = "FND-VENTURE-01"
	RuleFollow     = "FND-FOLLOW-01"
	RulePay        = "FND-PAY-01"
	RuleAllowance  = "FND-PAY-02"
	RuleCharity    = "FND-CHARITY-01"
	RuleDonate     = "FND-DONATE-01"
	RuleStart      = "FND-START-01"
	RuleFoundation = "FND-FOUND-01"
)

// Rules returns the catalogue of package funding.
func Rules() hubrules.Catalogue { return append(hubrules.Catalogue(nil), catalogue...) }

// catalogue is built and registered once, so that findings cite their rules.
var catalogue = rulecat.Register(rules())

func rules() hubrules.Catalogue {
	const pkg = "funding"
	T := hubrules.T
	return hubrules.Catalogue{
		{ID: RuleFee, Package: pkg, Title: T("项目管理费", "project management fee"), Source: hubrules.Seed(hubrules.Lujiazui, "（一）在组织形式上：“阳光驿站以项目总额的10%收取项目管理费”").WithNote("费用含在项目总额之内是我们的读法（“以项目总额的10%”）。inside the total is our reading of 以项目总额的10%."), Params: []string{"fee.rate", "fee.inside"}},
		{ID: RuleSupport, Package: pkg, Title: T("扶持期", "support period"), Source: hubrules.Seed(hubrules.Lujiazui, "（一）在组织形式上：“街道给予阳光驿站五年的扶持期”"), Params: []string{"support.start", "support.years"}},
		{ID: RuleBudget, Package: pkg, Title: T("年度专项资金分领域台账", "annual special fund ledger by area"), Source: hubrules.Seed(hubrules.Jingan, "二、基本做法·（一）加强顶层设计·二是强化政策制度保障：“设立每年1500万的社会组织发展专项资金”"), Params: []string{"budget.annual", "budget.areas"}},
		{ID: RulePurchase, Package: pkg, Title: T("政府购买服务合同与分期拨付", "government purchase contract and tranches"), Source: hubrules.Seed(hubrules.Jingan, "二、基本做法·（二）坚持项目推动·一是推进政府购买服务工作：“从项目立项到采购、监管、评估一整套规范的工作流程”"), Params: []string{"purchase.tranches"}},
		{ID: RuleCatalogue, Package: pkg, Title: T("基础保障类目录", "basic-guarantee catalogue"), Source: hubrules.Seed(hubrules.Jingan, "二、基本做法·（二）坚持项目推动·一是推进政府购买服务工作：“基础保障类目录”"), Params: []string{"purchase.catalogue"}},
		{ID: RuleVenture, Package: pkg, Title: T("公益创投资金分配", "venture philanthropy awards"), Source: hubrules.Seed(hubrules.Wuliqiao, "“筑牢制度和组织基础”一节：“设立30万元公益创投种子基金”").WithNote("凯旋每年50万元微创投见凯旋一文“二、主要做法·（二）”；每项上限与配套比例是其他城市的数额（见参数）。kaixuan's 500,000 a year is in the kaixuan article, part 2 (2); caps and co-funding are other cities' figures (see the parameters)."), Params: []string{"venture.pool", "venture.cap", "venture.cofund_share", "venture.cofund_cap", "venture.tranches"}},
		{ID: RuleFollow, Package: pkg, Title: T("资金跟着项目走", "funds follow projects"), Source: hubrules.Seed(hubrules.Xiyuan, "三、基本经验·四是尝试购买服务：“资金跟着项目走，有项目就有资金支持”")},
		{ID: RulePay, Package: pkg, Title: T("专职社工薪酬", "full-time social worker pay"), Source: hubrules.Seed(hubrules.Lujiazui, "三是人才支持：“以本地区上年度社会职工平均工资为依据……建立统一的阳光驿站专职社会工作者薪酬体系”").WithNote("薪酬下限比例（南京市2018）与“三岗十八级”（浙江等地）不是陆家嘴的规定，见参数。the pay-floor ratios (Nanjing 2018) and the three-post ladder (Zhejiang and others) are not lujiazui's rules: see the parameters."), Params: []string{"pay.floor", "pay.ladder", "pay.contrib"}},
		{ID: RuleAllowance, Package: pkg, Title: T("持证社工津贴", "certified social worker allowance"), Source: hubrules.Seed(hubrules.Xiyuan, "二、主要做法·三是引入社工：“现已有37人获得了社会工作师职称，其中初级22人，中级15人”"), Params: []string{"pay.cert_allowance"}},
		{ID: RuleCharity, Package: pkg, Title: T("慈善组织年度支出与管理费用", "charity annual spending and management costs"), Source: hubrules.Source{Title: T("《关于慈善组织开展慈善活动年度支出和管理费用的规定》", "Provisions on the annual charitable spending and management costs of charities"), Issuer: "民政部、财政部、国家税务总局", Number: "民发〔2016〕189号", Issued: "2016-10-20", InForce: "2016-10-20", Place: hubrules.PlaceNational, Article: "第七条至第十一条"}, Params: []string{"charity.tiers", "charity.exemption"}},
		{ID: RuleDonate, Package: pkg, Title: T("公益性捐赠税前扣除", "deductible donations"), Source: hubrules.Source{Title: T("《中华人民共和国企业所得税法》", "Enterprise Income Tax Law of the PRC"), Issuer: "全国人民代表大会", Issued: "2007-03-16", InForce: "2008-01-01", Place: hubrules.PlaceNational, Article: "第九条",
			Note: "结转三年见财政部、税务总局《关于公益性捐赠支出企业所得税税前结转扣除有关政策的通知》（财税〔2018〕15号）第一条、第三条（自捐赠发生年度的次年起计算，最长三年）、第五条（2016年9月1日起发生的捐赠）；个人捐赠30%限额2019年起见《中华人民共和国个人所得税法》第六条第三款，此前见其实施条例（1994）第二十四条。the 3-year carry-forward: 财税〔2018〕15号 arts. 1 and 3 (counted from the year after the donation's year) and 5 (gifts from 2016-09-01); the individual 30 % limit: art. 6 para. 3 of the Individual Income Tax Law from 2019, before that art. 24 of its implementing regulations (1994)."}, Params: []string{"donate.enterprise_rate", "donate.carry_years", "donate.carry_from", "donate.individual_rate"}},
		{ID: RuleStart, Package: pkg, Title: T("一次性启动资金", "one-off start-up grant"), Source: hubrules.Source{Title: T("《合肥市加快培育发展社会组织暂行办法》", "Hefei interim measures to speed up the growth of social organizations"), Issuer: "合肥市人民政府办公厅", Number: "合政办〔2016〕5号", Issued: "2016", Place: "安徽省合肥市",
			Article: "（条款序号未核对）“正常运营一年后，给予一次性开办补助5万元”", Note: "据引用该办法的学术文章。as quoted in an academic article."}, Params: []string{"start.grant", "start.fund", "start.months"}},
		{ID: RuleFoundation, Package: pkg, Title: T("社区基金会", "community foundation"), Source: hubrules.Seed(hubrules.Kaixuan, "二、主要做法·（二）搭建引凤纳贤平台：“成立200万元美好凯旋社区发展基金会”"), Params: []string{"found.figures", "found.min_capital"}},
	}
}
