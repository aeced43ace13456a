// Wuliqiao: the story of 五里桥社区社会组织服务中心 (Shanghai, Huangpu) told with
// hubrules — the first 5A service centre, linking the street's 32 community
// organizations in four categories (the Wuliqiao article; docs/rules.md).
//
//  1. Coverage of the 32 members: 8 independent branches, 18 liaisons and
//     6 activity branches → organizational coverage 14/32 = 43.8 %, work
//     coverage 32/32 = 100.0 %, cross-appointment 24 persons / 32
//     organizations = 75.0 % (the 14 with a party organization all
//     cross-appointed; the per-organization counts are assumed)
//     (HUB-COV-01/02, HUB-XAPT-01, HUB-CENSUS-01).
//  2. 双培三同步: wuliqiao's profile of the six synchronizations — set-up
//     approval with registration, party and public-benefit activities
//     together, party building assessed in grading (SYNC-1, SYNC-3, SYNC-6).
//  3. The seven institutional systems (GRD-SYS-01).
//  4. 分类施策: sprouting, growing and supporting organizations
//     (INC-CLASS-01).
//  5. The 300,000-yuan venture seed fund split among scored projects
//     (FND-VENTURE-01).
//  6. Grades in the street: 6 organizations at 5A and 3 at 4A
//     (GRD-VALID-01, GRD-PRIV-01, grading.CountAtLeast).
//
// The data sit in data/*.json beside this file (embedded): change a number and
// rerun.
//
//	go run ./examples/wuliqiao            # Chinese
//	go run ./examples/wuliqiao -lang en   # English
package main

import (
	"embed"
	"fmt"
	"io"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/examples/internal/show"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/incubation"
)

//go:embed data/*.json
var data embed.FS

func main() { show.Main(run) }

// The shapes of the data files that are not already library input types.
type (
	syncFile struct {
		AsOf hubrules.Date `json:"as_of" validate:"required"`
		Orgs []hub.SyncOrg `json:"orgs" validate:"dive"`
	}
	systemsFile struct {
		Orgs []struct {
			Org     string           `json:"org" validate:"required"`
			Systems []grading.System `json:"systems"`
		} `json:"orgs" validate:"dive"`
	}
	classesFile struct {
		Orgs []struct {
			Org   string                   `json:"org" validate:"required"`
			Class incubation.MaturityClass `json:"class"`
		} `json:"orgs" validate:"dive"`
	}
	ventureFile struct {
		AsOf  hubrules.Date        `json:"as_of" validate:"required"`
		Round funding.VentureInput `json:"round"`
	}
	gradesFile struct {
		AsOf hubrules.Date       `json:"as_of" validate:"required"`
		Orgs []grading.OrgRecord `json:"orgs" validate:"dive"`
	}
)

func load(name string, v any) error { return show.Load(data, "data/"+name, v) }

// coverageAsOf is the date the member list is evaluated on: the census dates
// in data/members.json (2016-03-01) are fresh then: the story is told in
// 2015–2016, the years of the wuliqiao article.
var coverageAsOf = hubrules.MustParseDate("2016-12-31")

func run(w io.Writer, lang string) error {
	l := hubrules.ParseLang(lang)
	p := show.Printer{W: w, L: l}

	p.Title("五里桥社区社会组织服务中心（上海市黄浦区）", "Wuliqiao community social-organization service centre (Shanghai, Huangpu)")
	p.Line("五里桥一文：上海市首家民政部 5A 等级社会组织，连接全街道 32 家社会组织。",
		"The Wuliqiao article: Shanghai's first 5A service centre, linking the street's 32 community organizations.")

	// 1. Coverage.
	raw, err := data.ReadFile("data/members.json")
	if err != nil {
		return err
	}
	members, err := hub.DecodeMembers(raw)
	if err != nil {
		return fmt.Errorf("data/members.json: %w", err)
	}
	checker, err := hub.NewChecker(hubrules.Wuliqiao, coverageAsOf)
	if err != nil {
		return err
	}
	cov, err := checker.Coverage(members, coverageAsOf)
	if err != nil {
		return err
	}
	p.Section("1. 32 家成员组织的党建覆盖（HUB-COV-01/02、HUB-XAPT-01），评估日 "+coverageAsOf.String(),
		"1. Party coverage of the 32 member organizations (HUB-COV-01/02, HUB-XAPT-01), evaluated on "+coverageAsOf.String())
	p.Linef("成员组织 %d 家：独立党支部 %d 家、活动型党支部 %d 家、派驻党建联络员 %d 家",
		"%d member organizations: %d independent branches, %d activity branches, %d liaisons",
		cov.Total, cov.Forms.OwnBranch, cov.Forms.ActivityBranch, cov.Forms.Liaison)
	p.Linef("组织覆盖率 %s（种子：8 + 6 = 14 家建有党组织）", "organizational coverage %s (seed: 8 + 6 = 14 with a party organization)", cov.Organizational.String())
	p.Linef("工作覆盖率 %s（另 18 家有联络员）", "work coverage %s (the other 18 have a liaison)", cov.Work.String())
	p.Linef("交叉任职 %d 人／成员组织 %d 家 = %s（种子“交叉任职24人，占比75%%”按人数／成员组织数读取；各组织的人数为假设（假设）；目标 %s%%）",
		"cross-appointed %d persons / %d member organizations = %s (the seed's 交叉任职24人，占比75%% read as persons over member organizations; the count of each organization is assumed (assumed); target %s%%)",
		*cov.CrossAppointedPersons, cov.Total, cov.CrossAppointmentPersons.String(), cov.CrossAppointmentTarget)
	p.Linef("交叉任职的组织 %s（只计有党组织的组织：派驻联络员的 18 家没有党组织可交叉任职）",
		"organizations cross-appointed %s (of those with a party organization: the 18 with a liaison have none to cross-appoint with)", cov.CrossAppointment.String())
	p.Line("按服务类别：", "By service category:")
	for _, c := range cov.ByCategory {
		p.Linef("  %s：组织覆盖 %s，工作覆盖 %s", "  %s: organizational %s, work %s",
			c.Category.Name().In(l), c.Organizational.String(), c.Work.String())
	}
	p.Report(cov.Report)

	// 2. 双培三同步.
	var sf syncFile
	if err := load("sync.json", &sf); err != nil {
		return err
	}
	sc, err := hub.NewSyncChecker(hubrules.Wuliqiao, sf.AsOf)
	if err != nil {
		return err
	}
	p.Section("2. "+sc.Profile().Name().ZH+"（SYNC-1、SYNC-3、SYNC-6），评估日 "+sf.AsOf.String(),
		"2. 双培三同步 ("+sc.Profile().Name().EN+"), evaluated on "+sf.AsOf.String())
	p.Line("登记与党组织设立同步审批（SYNC-1）、公益活动与党建活动同步开展（SYNC-3）、等级评估与党组织建设同步考核（SYNC-6）。",
		"Set-up approval with registration (SYNC-1), public-benefit and party activities together (SYNC-3), party building assessed in grading (SYNC-6).")
	p.Line("组织名称为示例（wlq-…），事件日期和登记时的正式党员数均为假设输入（假设）。",
		"The organizations are placeholders (wlq-…); every event date and the formal members at registration are assumed inputs (assumed).")
	for _, o := range sf.Orgs {
		res, err := sc.Check(o, sf.AsOf)
		if err != nil {
			return err
		}
		var links []string
		for i := range res.Links {
			lr := res.Links[i]
			if lr.Checked {
				links = append(links, lr.Link.Rule()+" "+outcome(lr.Outcome).In(l))
			}
		}
		p.Linef("  %s：%s — %s", "  %s: %s — %s", o.ID, show.Verdict(res.Compliant()).In(l), strings.Join(links, ", "))
		for _, f := range res.Report().Findings {
			p.Line("    "+f.Describe(hubrules.ZH), "    "+f.Describe(hubrules.EN))
		}
	}

	// 3. The seven systems.
	var sys systemsFile
	if err := load("systems.json", &sys); err != nil {
		return err
	}
	p.Section("3. 七项制度（GRD-SYS-01）", "3. The seven institutional systems (GRD-SYS-01)")
	var names []string
	for _, s := range grading.Systems() {
		names = append(names, s.Name().In(l))
	}
	p.Line("  "+strings.Join(names, "、"), "  "+strings.Join(names, ", "))
	for _, o := range sys.Orgs {
		r, err := grading.CheckSystems(o.Org, o.Systems)
		if err != nil {
			return err
		}
		p.Linef("  %s：已建 %d 项，缺 %d 项", "  %s: %d in place, %d missing", o.Org, len(r.Present), len(r.Missing))
		for _, f := range r.Findings {
			p.Line("    "+f.Describe(hubrules.ZH), "    "+f.Describe(hubrules.EN))
		}
	}

	// 4. Classes.
	var cf classesFile
	if err := load("classes.json", &cf); err != nil {
		return err
	}
	p.Section("4. 分类施策（INC-CLASS-01）", "4. Support by maturity class (INC-CLASS-01)")
	for _, o := range cf.Orgs {
		s, err := incubation.StrategyFor(o.Class)
		if err != nil {
			return err
		}
		var ms []string
		for _, m := range s.Measures {
			ms = append(ms, m.In(l))
		}
		p.Linef("  %s（%s）→ %s：%s", "  %s (%s) → %s: %s", o.Org, o.Class.Name(hubrules.Wuliqiao).In(l), s.Name.In(l), strings.Join(ms, "; "))
	}

	// 5. Venture seed fund.
	var vf ventureFile
	if err := load("venture.json", &vf); err != nil {
		return err
	}
	ev, err := funding.NewEvaluator(hubrules.Wuliqiao, vf.AsOf)
	if err != nil {
		return err
	}
	vr, err := ev.Venture(vf.Round)
	if err != nil {
		return err
	}
	p.Section("5. 公益创投种子基金（FND-VENTURE-01），评估日 "+vf.AsOf.String(),
		"5. The venture-philanthropy seed fund (FND-VENTURE-01), evaluated on "+vf.AsOf.String())
	capRef, _ := ev.Basis().Param("venture.cap")
	p.Linef("资金池 %s 元（种子：30 万元种子基金），单个项目上限 %s 元（另一城市的数字：%s，%s，可信度 %s；种子未给五里桥的上限）；项目名称、评分和申请额为假设输入（假设）",
		"pool %s yuan (seed: a 300,000-yuan seed fund), cap per project %s yuan (another city's figure: %s, %s, confidence %s; the seed gives no Wuliqiao cap); the projects' names, scores and requests are assumed inputs (assumed)",
		vr.Pool.String(), ev.Params().Venture.Cap.String(), capRef.Source.Issuer, capRef.Source.Place, capRef.Confidence)
	for _, a := range vr.Awards {
		p.Linef("  第 %d 名 %s（%s 分）：申请 %s，资助 %s — %s", "  #%d %s (score %s): requested %s, awarded %s — %s",
			a.Rank, a.ID, a.Score, a.Request.String(), a.Amount.String(), a.Why.In(l))
	}
	p.Linef("已资助 %s 元，结余 %s 元", "awarded %s yuan, left over %s yuan", vr.Awarded.String(), vr.Leftover.String())
	p.Unverified(vr.Basis)

	// 6. Grades in the street.
	var gf gradesFile
	if err := load("grades.json", &gf); err != nil {
		return err
	}
	st, err := grading.NewStanding(hubrules.Wuliqiao, gf.AsOf)
	if err != nil {
		return err
	}
	rs := make([]grading.StandingResult, 0, len(gf.Orgs))
	for i := range gf.Orgs {
		r, err := st.At(&gf.Orgs[i], gf.AsOf)
		if err != nil {
			return err
		}
		rs = append(rs, r)
	}
	five := grading.CountAtLeast(rs, hubrules.Grade5A)
	four := grading.CountAtLeast(rs, hubrules.Grade4A) - five
	p.Section("6. 街道内社会组织等级（GRD-VALID-01、GRD-PRIV-01），评估日 "+gf.AsOf.String(),
		"6. Grades of the street's organizations (GRD-VALID-01, GRD-PRIV-01), evaluated on "+gf.AsOf.String())
	p.Line("组织名称为示例（五里桥5A-1…），评定日期为假设输入（假设）；种子只给出 5A 级 6 家、4A 级 3 家。",
		"The organizations are placeholders (五里桥5A-1 …) and the award dates are assumed inputs (assumed); the seed states only 6 at 5A and 3 at 4A.")
	for _, r := range rs {
		valid := hubrules.T("有效至 "+r.ValidUntil.String(), "valid until "+r.ValidUntil.String())
		if !r.Valid {
			valid = hubrules.T("已过有效期（"+r.ValidUntil.String()+"）", "expired ("+r.ValidUntil.String()+")")
		}
		p.Linef("  %s：评定 %s，%s，有效等级 %s", "  %s: awarded %s, %s, effective grade %s",
			r.Org, string(r.AwardedGrade), valid.In(l), gradeText(r.EffectiveGrade).In(l))
	}
	p.Linef("有效的 5A 级社会组织 %d 家，4A 级 %d 家（种子：5A 级 6 家，4A 级 3 家）",
		"valid grades: %d organizations at 5A and %d at 4A (seed: 6 at 5A, 3 at 4A)", five, four)
	return nil
}

func outcome(o hubrules.Outcome) hubrules.Text {
	switch o {
	case hubrules.Pass:
		return hubrules.T("通过", "pass")
	case hubrules.Fail:
		return hubrules.T("未通过", "fail")
	}
	return hubrules.T("不适用", "not applicable")
}

func gradeText(g hubrules.Grade) hubrules.Text {
	if g == hubrules.NoGrade {
		return hubrules.T("无", "none")
	}
	return hubrules.T(string(g), string(g))
}
