// Xiyuan: the story of 西园街道 (Hefei, Shushan) told with hubrules — the
// "两委两站" community structure and "三社联动" (the Xiyuan article; docs/rules.md):
//
//  1. 两委两站 concurrent posts: the work-station head is a deputy secretary of
//     the community party committee, a residents' director who is a party
//     member is a deputy secretary, the social-work station head is the
//     residents' director (HUB-XIYUAN-01).
//  2. The "1+2+X" social-work service station: 1 professional social-worker
//     post, 2 residents' committee members, X community organizations
//     (HUB-XIYUAN-02).
//  3. "4+1": each of the 4 community bodies has at least 1 certified social
//     worker (HUB-XIYUAN-03).
//  4. Funds follow projects: 334,000 yuan in 2013 for project subsidies and
//     5 purchased social-worker posts (FND-FOLLOW-01).
//  5. Allowances for 37 certified social workers, 22 junior and 15
//     intermediate (FND-PAY-02).
//  6. 65 community organizations incubated (a figure of the seed).
//  7. Grading on the Anhui 1000-point bands (GRD-LEVEL-01, GRD-PARTY-01).
//
// The data sit in data/*.json beside this file (embedded): change a number and
// rerun.
//
//	go run ./examples/xiyuan            # Chinese
//	go run ./examples/xiyuan -lang en   # English
package main

import (
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/examples/internal/show"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
)

//go:embed data/*.json
var data embed.FS

func main() { show.Main(run) }

// The shapes of the data files.
type (
	communitiesFile struct {
		AsOf        hubrules.Date `json:"as_of" validate:"required"`
		Communities []struct {
			Name      string          `json:"name" validate:"required"`
			Posts     hub.Posts       `json:"posts"`
			Station   hub.Station     `json:"station"`
			Certified []hub.BodyStaff `json:"certified" validate:"dive"`
		} `json:"communities" validate:"dive"`
	}
	fundsFile struct {
		AsOf       hubrules.Date          `json:"as_of" validate:"required"`
		Spending   funding.FollowInput    `json:"spending"`
		Unapproved []funding.Disbursement `json:"unapproved"`
		Certified  funding.AllowanceInput `json:"certified"`
	}
	figuresFile struct {
		IncubatedOrgs   int           `json:"incubated_orgs" validate:"gte=0"`
		FiledVolunteers int           `json:"filed_volunteers" validate:"gte=0"`
		Source          hubrules.Text `json:"source"`
	}
	gradingFile struct {
		AsOf   hubrules.Date     `json:"as_of" validate:"required"`
		Sheets []json.RawMessage `json:"sheets"`
	}
)

func load(name string, v any) error { return show.Load(data, "data/"+name, v) }

func run(w io.Writer, lang string) error {
	l := hubrules.ParseLang(lang)
	p := show.Printer{W: w, L: l}
	p.Title("西园街道“两委两站”与“三社联动”（合肥市蜀山区）", "Xiyuan street: “two committees, two stations” and “three-social linkage” (Hefei, Shushan)")
	p.Line("西园一文：社区党委、社居委、社区工作站、社区社会工作服务站四个组织分工协作。",
		"The Xiyuan article: the community party committee, residents' committee, work station and social-work service station share the work.")

	// 1–3. Community structure.
	var cf communitiesFile
	if err := load("communities.json", &cf); err != nil {
		return err
	}
	c, err := hub.NewChecker(hubrules.Xiyuan, cf.AsOf)
	if err != nil {
		return err
	}
	p.Section("1–3. 两委两站、“1+2+X”、“4+1”（HUB-XIYUAN-01/02/03），评估日 "+cf.AsOf.String(),
		"1–3. Two committees and two stations, “1+2+X”, “4+1” (HUB-XIYUAN-01/02/03), evaluated on "+cf.AsOf.String())
	p.Line("  两个社区、人员姓名和各项人数为假设输入（假设）；种子只写明“两委两站”“1+2+X”“4+1”的做法。",
		"  The two communities, the people's names and every count are assumed inputs (assumed); the seed states only the methods.")
	prm := c.Params()
	for _, cm := range cf.Communities {
		posts, err := c.CheckPosts(cm.Posts, cf.AsOf)
		if err != nil {
			return err
		}
		station, err := c.CheckStation(cm.Station, cf.AsOf)
		if err != nil {
			return err
		}
		four, err := c.CheckFourPlusOne(cm.Certified, cf.AsOf)
		if err != nil {
			return err
		}
		p.Linef("\n  %s", "\n  %s", cm.Name)
		pp := cm.Posts
		p.Linef("    党委副书记 %s；社居委主任 %s；工作站站长 %s；社工站站长 %s", "    deputy secretaries %s; residents' director %s; work-station head %s; social-work station head %s",
			strings.Join(pp.DeputySecretaries, show.Printer{L: l}.Sep()), pp.ResidentsDirector, pp.WorkStationHead, pp.SocialWorkStationHead)
		p.Linef("    两委两站兼职（HUB-XIYUAN-01）：%s", "    concurrent posts (HUB-XIYUAN-01): %s", show.Verdict(posts.Compliant()).In(l))
		findings(p, "      ", posts.Findings)
		s := cm.Station
		p.Linef("    社工站“1+2+X”（HUB-XIYUAN-02）：专业社工岗位 %d/%d、社居委成员 %d/%d、社区社会组织 %d（至少 %d）— %s",
			"    station “1+2+X” (HUB-XIYUAN-02): social-worker posts %d/%d, residents' committee members %d/%d, community orgs %d (at least %d) — %s",
			*s.SocialWorkerPosts, prm.StationSocialWorkers, *s.ResidentsCommitteeStaff, prm.StationResidentsMembers, *s.CommunityOrgs, prm.StationMinOrgs, show.Verdict(station.Compliant()).In(l))
		findings(p, "      ", station.Findings)
		var staff []string
		for _, b := range hub.CommunityBodies() {
			n := 0
			for _, st := range cm.Certified {
				if st.Body == b {
					n = *st.Certified // present: CheckFourPlusOne accepted the list
				}
			}
			staff = append(staff, fmt.Sprintf("%s %d", b.Name().In(l), n))
		}
		p.Linef("    “4+1”持证社工（HUB-XIYUAN-03）：%s — %s", "    “4+1” certified social workers (HUB-XIYUAN-03): %s — %s", strings.Join(staff, show.Printer{L: l}.Sep()), show.Verdict(four.Compliant()).In(l))
		findings(p, "      ", four.Findings)
	}

	// 4–5. Funds.
	var ff fundsFile
	if err := load("funds.json", &ff); err != nil {
		return err
	}
	ev, err := funding.NewEvaluator(hubrules.Xiyuan, ff.AsOf)
	if err != nil {
		return err
	}
	fr, err := ev.Follow(ff.Spending)
	if err != nil {
		return err
	}
	posts := 0
	for _, it := range ff.Spending.Items {
		if it.Kind == funding.KindPost {
			posts++
		}
	}
	rep := ev.Params().Follow.Reported
	p.Section("4. 资金跟着项目走（FND-FOLLOW-01），评估日 "+ff.AsOf.String(), "4. Funds follow projects (FND-FOLLOW-01), evaluated on "+ff.AsOf.String())
	p.Line("  各笔拨付及其日期为假设输入（假设），合计与种子的 2013 年 33.4 万元、购买岗位 5 个一致。",
		"  Every payment and its date is an assumed input (assumed); their total matches the seed's 334,000 yuan and 5 posts in 2013.")
	p.Linef("%d 年拨付 %d 笔：项目补贴 %s 元 + 购买社工岗位 %d 个 %s 元 = %s 元（%s）", "%d: %d disbursements: project subsidies %s yuan + %d purchased social-worker posts %s yuan = %s yuan (%s)",
		ff.Spending.Year, len(ff.Spending.Disbursements), fr.Projects.String(), posts, fr.Posts.String(), fr.Total.String(), fr.Total.Wan())
	p.Linef("种子公开数：%d 年 %s，购买岗位 %d 个 — %s", "published figure: %d, %s, %d purchased posts — %s",
		rep.Year, rep.Amount.Wan(), rep.Posts, show.Verdict(fr.Compliant() && posts == rep.Posts).In(l))
	p.Unverified(fr.Basis)
	bad, err := ev.Follow(funding.FollowInput{Items: ff.Spending.Items, Disbursements: ff.Unapproved})
	if err != nil {
		return err
	}
	p.Linef("另有一笔未立项支出 %s 元：", "an extra payment of %s yuan naming nothing approved:", bad.Unfounded.String())
	findings(p, "  ", bad.Findings)

	ar, err := ev.Allowance(ff.Certified)
	if err != nil {
		return err
	}
	if ev.Params().Allowance == nil {
		return fmt.Errorf("pay.cert_allowance has no value for xiyuan on %s", ff.AsOf)
	}
	cert := ev.Params().Allowance.Allowance
	p.Section("5. 持证社工津贴（FND-PAY-02），评估日 "+ff.AsOf.String(), "5. Allowances of certified social workers (FND-PAY-02), evaluated on "+ff.AsOf.String())
	p.Linef("持证 %d 人：初级 %d 人 × %s + 中级 %d 人 × %s + 高级 %d 人 × %s = 每月 %s 元，每年 %s 元",
		"%d certified: %d junior × %s + %d intermediate × %s + %d senior × %s = %s yuan a month, %s yuan a year",
		ar.Certified, *ar.Input.Junior, cert.Junior.String(), *ar.Input.Intermediate, cert.Intermediate.String(),
		*ar.Input.Senior, cert.Senior.String(), ar.Monthly.String(), ar.Yearly.String())
	p.Unverified(ar.Basis)

	// 6. Incubated organizations.
	var fig figuresFile
	if err := load("figures.json", &fig); err != nil {
		return err
	}
	p.Section("6. 培育孵化", "6. Incubation")
	p.Linef("已培育孵化社区社会组织 %d 家，备案 %d 余人（%s）", "%d community organizations incubated, over %d people on file (%s)",
		fig.IncubatedOrgs, fig.FiledVolunteers, fig.Source.In(l))

	// 7. Grading.
	return grade(p)
}

// grade scores the sheets of data/grading.json on the Anhui 1000-point bands
// (GRD-LEVEL-01) with the party gate (GRD-PARTY-01).
func grade(p show.Printer) error {
	l := p.L
	var gf gradingFile
	if err := load("grading.json", &gf); err != nil {
		return err
	}
	g, err := grading.NewGrader(hubrules.Xiyuan, gf.AsOf)
	if err != nil {
		return err
	}
	p.Section("7. 规范化等级评估：安徽千分制（GRD-LEVEL-01），评估日 "+gf.AsOf.String(), "7. Standardization grading on the Anhui 1000-point bands (GRD-LEVEL-01), evaluated on "+gf.AsOf.String())
	p.Line("  组织名称为示例，各项得分为假设输入（假设）。",
		"  The organizations are placeholders and every score is an assumed input (assumed).")
	p.Line("分档：5A >950，4A 901–950，3A 851–900，2A 801–850，1A 701–800；另有加分。安徽分档 2021-09-23 起施行，西园一文所述的 2012–2013 年尚无此千分制，故本节在其施行后评估。",
		"Bands: 5A >950, 4A 901–950, 3A 851–900, 2A 801–850, 1A 701–800, plus bonus points; the Anhui bands are in force from 2021-09-23 — in 2012–2013, the years of the xiyuan article, there was no such 1000-point scheme, so this section is evaluated after it took effect.")
	var basis hubrules.Basis
	seen := map[string]bool{}
	for i, raw := range gf.Sheets {
		s, err := grading.DecodeScoreSheet(raw)
		if err != nil {
			return fmt.Errorf("data/grading.json sheets[%d]: %w", i, err)
		}
		r, err := g.Grade(&s)
		if err != nil {
			return err
		}
		var ind []string
		for _, in := range r.Indicators {
			ind = append(ind, in.Name.In(l)+" "+in.Score.String()+"/"+in.Max.String())
		}
		band := "—"
		if r.Band != nil {
			band = r.Band.Describe()
		}
		p.Linef("  %s：%s；加分 %s；总分 %s → 分档 %s %s，评定 %s", "  %s: %s; bonus %s; total %s → band %s %s, grade %s",
			s.Org, strings.Join(ind, show.Printer{L: l}.Sep()), r.Bonus.String(), r.Total.String(), gradeText(r.BandGrade).In(l), band, gradeText(r.Grade).In(l))
		findings(p, "    ", r.Findings)
		// The grader's basis names every grading parameter; keep those of
		// GRD-LEVEL-01 (the sheet of this legal form, bands, bonus) and
		// GRD-PARTY-01.
		for _, ref := range r.Basis.Params {
			used := strings.HasPrefix(ref.Name, "party.") ||
				(strings.HasPrefix(ref.Name, "level.") && (!strings.HasPrefix(ref.Name, "level.sheet.") || ref.Name == "level.sheet."+string(s.LegalForm)))
			if used && !seen[ref.Name] {
				seen[ref.Name] = true
				basis.Params = append(basis.Params, ref)
			}
		}
	}
	p.Unverified(basis)
	return nil
}

// findings writes each finding on its own line after pre.
func findings(p show.Printer, pre string, fs []hubrules.Finding) {
	for _, f := range fs {
		p.Line(pre+f.Describe(hubrules.ZH), pre+f.Describe(hubrules.EN))
	}
}

func gradeText(g hubrules.Grade) hubrules.Text {
	if g == hubrules.NoGrade {
		return hubrules.T("无", "none")
	}
	return hubrules.T(string(g), string(g))
}
