package funding

import "github.com/hubrules/hubrules"

// Rule IDs of package funding (DOMAIN.md §5).
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
func Rules() hubrules.Catalogue {
	const pkg = "funding"
	T := hubrules.T
	return hubrules.Catalogue{
		{ID: RuleFee, Package: pkg, Title: T("项目管理费", "project management fee"), Source: hubrules.Source{Document: hubrules.SeedLujiazui, Clause: "阳光驿站以项目总额的10%收取项目管理费"}, Params: []string{"fee.rate", "fee.inside"}},
		{ID: RuleSupport, Package: pkg, Title: T("扶持期", "support period"), Source: hubrules.Source{Document: hubrules.SeedLujiazui, Clause: "街道给予阳光驿站五年的扶持期"}, Params: []string{"support.start", "support.years"}},
		{ID: RuleBudget, Package: pkg, Title: T("年度专项资金分领域台账", "annual special fund ledger by area"), Source: hubrules.Source{Document: hubrules.SeedJingan, Clause: "设立每年1500万的社会组织发展专项资金"}, Params: []string{"budget.annual", "budget.areas"}},
		{ID: RulePurchase, Package: pkg, Title: T("政府购买服务合同与分期拨付", "government purchase contract and tranches"), Source: hubrules.Source{Document: hubrules.SeedJingan, Clause: "政府购买服务 立项、采购、监管、评估"}, Params: []string{"purchase.tranches"}},
		{ID: RuleCatalogue, Package: pkg, Title: T("基础保障类目录", "basic-guarantee catalogue"), Source: hubrules.Source{Document: hubrules.SeedJingan, Clause: "基础保障类目录"}, Params: []string{"purchase.catalogue"}},
		{ID: RuleVenture, Package: pkg, Title: T("公益创投资金分配", "venture philanthropy awards"), Source: hubrules.Source{Document: hubrules.SeedWuliqiao, Clause: "种子基金; " + hubrules.SeedKaixuan + " 微创投"}, Params: []string{"venture.pool", "venture.cap", "venture.cofund_share", "venture.cofund_cap", "venture.tranches"}},
		{ID: RuleFollow, Package: pkg, Title: T("资金跟着项目走", "funds follow projects"), Source: hubrules.Source{Document: hubrules.SeedXiyuan, Clause: "有项目就有资金支持"}},
		{ID: RulePay, Package: pkg, Title: T("专职社工薪酬", "full-time social worker pay"), Source: hubrules.Source{Document: hubrules.SeedLujiazui, Clause: "薪酬结构由基本工资、绩效奖金、技术津贴、岗位津贴及职业资格津贴等组成…以本地区上年度社会职工平均工资; research/regulations.md §7.8–7.9"}, Params: []string{"pay.floor", "pay.ladder", "pay.contrib"}},
		{ID: RuleAllowance, Package: pkg, Title: T("持证社工津贴", "certified social worker allowance"), Source: hubrules.Source{Document: hubrules.SeedXiyuan, Clause: "现已有37人获得了社会工作师职称，其中初级22人，中级15人"}, Params: []string{"pay.cert_allowance"}},
		{ID: RuleCharity, Package: pkg, Title: T("慈善组织年度支出与管理费用", "charity annual spending and management costs"), Source: hubrules.Source{Document: "民发〔2016〕189号", Clause: "第七条至第十一条"}, Params: []string{"charity.tiers", "charity.exemption"}},
		{ID: RuleDonate, Package: pkg, Title: T("公益性捐赠税前扣除", "deductible donations"), Source: hubrules.Source{Document: "企业所得税法第九条; 财税〔2018〕15号; 个人所得税法第六条"}, Params: []string{"donate.enterprise_rate", "donate.carry_years", "donate.individual_rate"}},
		{ID: RuleStart, Package: pkg, Title: T("一次性启动资金", "one-off start-up grant"), Source: hubrules.Source{Document: "合政办〔2016〕5号"}, Params: []string{"start.grant", "start.fund", "start.months"}},
		{ID: RuleFoundation, Package: pkg, Title: T("社区基金会", "community foundation"), Source: hubrules.Source{Document: hubrules.SeedKaixuan, Clause: "成立200万元“美好凯旋”社区发展基金会"}, Params: []string{"found.figures", "found.min_capital"}},
	}
}
