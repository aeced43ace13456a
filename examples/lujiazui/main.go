// Lujiazui: the story of 陆家嘴社区阳光驿站公益服务社 (Sunshine Station, Shanghai,
// Pudong) told with hubrules. In 2014 the street turned its party-building
// station into an independent non-profit hub (the Lujiazui article; docs/rules.md):
//
//  1. A board (理事会) as decision body, directors on fixed terms
//     (HUB-BOARD-01).
//  2. The five hub functions: incubation, liaison service, resource support,
//     voice, talent gathering (HUB-FUNC-01).
//  3. 管办分离: administrative party work stays with the street's
//     party-building service centre, service work goes to the hub
//     (HUB-ADMIN-01).
//  4. A five-year support period 2014–2018 (FND-SUPPORT-01) in which the
//     street covers the premises' running costs and entrusts party-building
//     projects to the hub first, for a 10 % management fee (FND-FEE-01).
//  5. The pay of a full-time social worker: base wage, performance bonus,
//     technical, post and qualification allowances, social insurance and
//     housing fund (FND-PAY-01).
//
// The data sit in data/*.json beside this file (embedded): change a number and
// rerun.
//
//	go run ./examples/lujiazui            # Chinese
//	go run ./examples/lujiazui -lang en   # English
package main

import (
	"embed"
	"io"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/examples/internal/show"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/hub"
)

//go:embed data/*.json
var data embed.FS

func main() { show.Main(run) }

// The shapes of the data files.
type (
	boardFile struct {
		Board     hub.Board       `json:"board"`
		CheckedOn []hubrules.Date `json:"checked_on" validate:"min=1"`
	}
	functionsFile struct {
		AsOf       hubrules.Date `json:"as_of" validate:"required"`
		Activities []struct {
			Name     string       `json:"name" validate:"required"`
			Function hub.Function `json:"function"`
		} `json:"activities" validate:"dive"`
	}
	adminFile struct {
		AsOf     hubrules.Date   `json:"as_of" validate:"required"`
		Split    hub.Assignments `json:"split"`
		Proposal hub.Assignments `json:"proposal"`
	}
	fundingFile struct {
		AsOf        hubrules.Date      `json:"as_of" validate:"required"`
		Transformed hubrules.Date      `json:"transformed" validate:"required"`
		Dates       []hubrules.Date    `json:"dates"`
		Projects    []funding.FeeInput `json:"projects" validate:"dive"`
	}
	payFile struct {
		AsOf   hubrules.Date    `json:"as_of" validate:"required"`
		Note   hubrules.Text    `json:"note"`
		Worker funding.PayInput `json:"worker"`
	}
)

func load(name string, v any) error { return show.Load(data, "data/"+name, v) }

func run(w io.Writer, lang string) error {
	l := hubrules.ParseLang(lang)
	p := show.Printer{W: w, L: l}
	p.Title("陆家嘴社区阳光驿站公益服务社（上海市浦东新区）", "Lujiazui Sunshine Station public-service society (Shanghai, Pudong)")
	p.Line("陆家嘴一文：2014 年街道把党建服务站转型为独立的枢纽型社会组织。",
		"The Lujiazui article: in 2014 the street turned its party-building station into an independent hub organization.")

	// 1. Board.
	var bf boardFile
	if err := load("board.json", &bf); err != nil {
		return err
	}
	p.Section("1. 理事会任期制（HUB-BOARD-01）", "1. The board and its terms (HUB-BOARD-01)")
	p.Line("理事由街道、社区单位、“两新”组织推选产生，届满可连选连任；种子未给出任期年数，默认 5 年（示例值）。",
		"Directors are nominated by the street, community units and 两新 organizations and may be re-elected; the seed gives no term length, 5 years is assumed (illustrative).")
	p.Line("种子只说 2014 年转型：首届理事会任期自 2014-03-01 起为假设输入（假设）。",
		"The seed says only that the transformation was in 2014: the first board's term from 2014-03-01 is an assumed input (assumed).")
	for _, d := range bf.CheckedOn {
		c, err := hub.NewChecker(hubrules.Lujiazui, d)
		if err != nil {
			return err
		}
		r, err := c.CheckBoard(bf.Board, d)
		if err != nil {
			return err
		}
		state := hubrules.T("任期内", "in term")
		switch {
		case r.Overdue:
			state = hubrules.T("已逾期未换届", "overdue, not re-elected")
		case r.DueSoon:
			state = hubrules.T("即将到期，应准备换届", "due soon, prepare the re-election")
		}
		p.Linef("  %s：本届 %s 起，任期 %d 年，至 %s 届满，剩余 %d 天 — %s", "  %s: term from %s, %d years, ends %s, %d days left — %s",
			d.String(), bf.Board.TermStarted.String(), r.TermYears, r.TermEnds.String(), r.DaysLeft, state.In(l))
		for _, f := range r.Report.Findings {
			p.Line("    "+f.Describe(hubrules.ZH), "    "+f.Describe(hubrules.EN))
		}
	}

	// 2. Functions.
	var ff functionsFile
	if err := load("functions.json", &ff); err != nil {
		return err
	}
	hc, err := hub.NewChecker(hubrules.Lujiazui, ff.AsOf)
	if err != nil {
		return err
	}
	declared := make([]hub.Function, 0, len(ff.Activities))
	for _, a := range ff.Activities {
		declared = append(declared, a.Function)
	}
	fr, err := hc.CheckFunctions(declared, ff.AsOf)
	if err != nil {
		return err
	}
	p.Section("2. 五大功能（HUB-FUNC-01），评估日 "+ff.AsOf.String(), "2. The five functions (HUB-FUNC-01), evaluated on "+ff.AsOf.String())
	for _, a := range ff.Activities {
		p.Linef("  %s → %s", "  %s → %s", a.Name, a.Function.Name().In(l))
	}
	p.Linef("覆盖 %d/%d 项功能：%s", "%d/%d functions covered: %s", len(fr.Covered), len(fr.Covered)+len(fr.Missing), functionNames(fr.Covered, l))
	if len(fr.Missing) > 0 {
		p.Linef("缺少：%s", "missing: %s", functionNames(fr.Missing, l))
	}
	p.Report(fr.Report)

	// 3. Admin split.
	var af adminFile
	if err := load("admin.json", &af); err != nil {
		return err
	}
	ac, err := hub.NewChecker(hubrules.Lujiazui, af.AsOf)
	if err != nil {
		return err
	}
	p.Section("3. 管办分离（HUB-ADMIN-01），评估日 "+af.AsOf.String(), "3. Administration apart from service (HUB-ADMIN-01), evaluated on "+af.AsOf.String())
	for _, a := range []hub.Assignments{af.Split, af.Proposal} {
		r, err := ac.CheckAdmin(a, af.AsOf)
		if err != nil {
			return err
		}
		var centre, hubTasks []string
		for _, t := range a.Tasks {
			if t.Assignee == hub.AssignedToCentre {
				centre = append(centre, t.Task.Name().In(l))
			} else {
				hubTasks = append(hubTasks, t.Task.Name().In(l))
			}
		}
		p.Linef("  %s — %s", "  %s — %s", a.Hub, show.Verdict(r.Compliant()).In(l))
		if len(centre) > 0 {
			p.Linef("    党建服务中心承担：%s", "    service centre: %s", strings.Join(centre, show.Printer{L: l}.Sep()))
		}
		p.Linef("    枢纽组织承接：%s", "    the hub: %s", strings.Join(hubTasks, show.Printer{L: l}.Sep()))
		for _, f := range r.Findings {
			p.Line("    "+f.Describe(hubrules.ZH), "    "+f.Describe(hubrules.EN))
		}
	}

	// 4. Support period and fee.
	var fu fundingFile
	if err := load("funding.json", &fu); err != nil {
		return err
	}
	ev, err := funding.NewEvaluator(hubrules.Lujiazui, fu.AsOf)
	if err != nil {
		return err
	}
	sp, err := ev.Support(fu.Transformed)
	if err != nil {
		return err
	}
	p.Section("4. 扶持期与项目管理费（FND-SUPPORT-01、FND-FEE-01），评估日 "+fu.AsOf.String(),
		"4. Support period and management fee (FND-SUPPORT-01, FND-FEE-01), evaluated on "+fu.AsOf.String())
	p.Linef("扶持期 %d 年：%d–%d（%s 至 %s 前）", "support period %d years: %d–%d (%s up to %s)",
		sp.Years, sp.FirstYear, sp.LastYear, sp.Start.String(), sp.End.String())
	for _, c := range sp.Covers {
		p.Linef("  · %s", "  · %s", c.In(l))
	}
	for _, d := range fu.Dates {
		in := hubrules.T("在扶持期内", "inside the support period")
		if !sp.Contains(d) {
			in = hubrules.T("扶持期已结束，费用按常规渠道", "after the support period: normal funding channels")
		}
		p.Linef("  %s：%s", "  %s: %s", d.String(), in.In(l))
	}
	var total, fees funding.Money
	p.Line("委托项目按项目总额 10% 收取项目管理费（费用含在总额内）；以下项目名称与总额为假设输入（假设），费率为种子所载：",
		"Entrusted projects: a management fee of 10 % of the project total (inside the total); the projects and totals below are assumed inputs (assumed), the rate is the seed's:")
	for _, in := range fu.Projects {
		r, err := ev.Fee(in)
		if err != nil {
			return err
		}
		p.Linef("  %s：总额 %s，费率 %s，管理费 %s，项目实际可用 %s", "  %s: total %s, rate %s, fee %s, left for the work %s",
			in.Project, r.Total.String(), r.Rate.Percent(), r.Fee.String(), r.Net.String())
		if total, err = total.Add(r.Total); err != nil {
			return err
		}
		if fees, err = fees.Add(r.Fee); err != nil {
			return err
		}
	}
	p.Linef("合计：项目总额 %s 元，管理费 %s 元", "in all: projects %s yuan, fees %s yuan", total.String(), fees.String())
	p.Unverified(sp.Basis)

	// 5. Pay.
	var pf payFile
	if err := load("pay.json", &pf); err != nil {
		return err
	}
	pe, err := funding.NewEvaluator(hubrules.Lujiazui, pf.AsOf)
	if err != nil {
		return err
	}
	pr, err := pe.Pay(pf.Worker)
	if err != nil {
		return err
	}
	wk := pf.Worker
	p.Section("5. 专职社会工作者薪酬（FND-PAY-01），评估日 "+pf.AsOf.String(), "5. Pay of a full-time social worker (FND-PAY-01), evaluated on "+pf.AsOf.String())
	p.Line("社工 A 的岗位、工龄、学历、证书与各项工资均为假设输入（假设）；薪级表与缴费比例为示意参数。",
		"Worker A's post, years, degree, certificate and pay items are assumed inputs (assumed); the ladder and contribution rates are illustrative parameters.")
	p.Linef("%s：岗位 %s，工龄 %d 年，学历 %s，证书 %s → 三岗十八级第 %d 级", "%s: post %s, %d years of service, degree %s, certificate %s → grade %d of 三岗十八级",
		wk.Worker, code(wk.Post).In(l), *wk.YearsOfService, code(wk.Degree).In(l), code(wk.Certificate).In(l), pr.Grade)
	p.Linef("  基本工资 %s + 绩效奖金 %s + 技术津贴 %s + 岗位津贴 %s + 职业资格津贴 %s = 月薪 %s",
		"  base %s + performance %s + technical %s + post %s + qualification %s = monthly %s",
		wk.Base.String(), wk.Performance.String(), wk.Technical.String(), wk.PostAllowance.String(), wk.Qualification.String(), pr.Monthly.String())
	if pr.FloorApplies {
		p.Linef("  年薪 %s；按上年度社会平均工资 %s 计的下限 %s — %s", "  annual %s; floor from last year's average wage %s: %s — %s",
			pr.Annual.String(), wk.LastYearAverageWage.String(), pr.Floor.String(), show.Verdict(pr.Compliant()).In(l))
	} else {
		// The pay floor (a 2018 figure) is not in force on a 2016 date:
		// the pay is computed, the floor is not checked (see the notice).
		p.Linef("  年薪 %s；薪酬下限在评估日未施行，不检查", "  annual %s; the pay floor is not in force on the date, not checked", pr.Annual.String())
	}
	for _, c := range pr.ContribDetails {
		p.Linef("  单位缴纳%s：%s × %s = %s", "  employer %s: %s × %s = %s", code(c.Name).In(l), pr.Annual.String(), c.Rate.Percent(), c.Amount.String())
	}
	p.Linef("  社会保险 %s + 住房公积金 %s → 单位用人成本 %s 元/年", "  social insurance %s + housing fund %s → employer cost %s yuan a year",
		pr.Contributions.String(), pr.HousingFund.String(), pr.EmployerCost.String())
	p.Line("  "+pf.Note.ZH, "  "+pf.Note.EN)
	for _, f := range pr.Findings {
		p.Line("  "+f.Describe(hubrules.ZH), "  "+f.Describe(hubrules.EN))
	}
	p.Unverified(pr.Basis)
	return nil
}

// code names the pay codes in both languages.
func code[S ~string](c S) hubrules.Text {
	switch string(c) {
	case "head":
		return hubrules.T("正职", "head")
	case "deputy":
		return hubrules.T("副职", "deputy")
	case "other":
		return hubrules.T("其他社区工作者", "other community worker")
	case "bachelor":
		return hubrules.T("本科", "bachelor")
	case "master":
		return hubrules.T("硕士", "master")
	case "doctor":
		return hubrules.T("博士", "doctor")
	case "junior":
		return hubrules.T("助理社会工作师", "assistant social worker (junior)")
	case "intermediate":
		return hubrules.T("社会工作师", "social worker (intermediate)")
	case "senior":
		return hubrules.T("高级社会工作师", "senior social worker")
	case "pension":
		return hubrules.T("养老保险", "pension")
	case "medical":
		return hubrules.T("医疗保险", "medical")
	case "unemployment":
		return hubrules.T("失业保险", "unemployment")
	case "injury":
		return hubrules.T("工伤保险", "injury")
	case "maternity":
		return hubrules.T("生育保险", "maternity")
	case "housing_fund":
		return hubrules.T("住房公积金", "housing fund")
	case "":
		return hubrules.T("无", "none")
	}
	return hubrules.T(string(c), string(c))
}

func functionNames(fs []hub.Function, l hubrules.Lang) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Name().In(l))
	}
	return strings.Join(s, show.Printer{L: l}.Sep())
}
