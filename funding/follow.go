package funding

import "github.com/hubrules/hubrules"

// FundedKind is what a disbursement may pay for.
type FundedKind string

// The kinds of funded items.
const (
	// KindProject is an approved project (立项的项目).
	KindProject FundedKind = "project"
	// KindPost is a purchased post (购买的岗位).
	KindPost FundedKind = "post"
)

// Valid reports whether k is known.
func (k FundedKind) Valid() bool { return k == KindProject || k == KindPost }

// FundedItem is an approved project or a purchased post.
type FundedItem struct {
	ID   string     `json:"id" validate:"required,max=200"`
	Kind FundedKind `json:"kind" validate:"enum"`
}

// Disbursement is money paid out, naming the item it pays for.
type Disbursement struct {
	ID     string        `json:"id" validate:"max=200"`
	Item   string        `json:"item" validate:"max=200"`
	Amount Money         `json:"amount"`
	Date   hubrules.Date `json:"date"`
}

// FollowInput is a year's disbursements and the approved items.
type FollowInput struct {
	// Year, when the programme has a published figure for it, is checked
	// against that figure.
	Year          int            `json:"year,omitempty" validate:"gte=0,lte=2200"`
	Items         []FundedItem   `json:"items" validate:"max=100000,dive"`
	Disbursements []Disbursement `json:"disbursements" validate:"max=100000,dive"`
}

// FollowResult is FND-FOLLOW-01's decision: totals and a finding for each
// disbursement that names nothing approved.
type FollowResult struct {
	Explanation
	Input     FollowInput `json:"input"`
	Total     Money       `json:"total"`
	Projects  Money       `json:"projects"`
	Posts     Money       `json:"posts"`
	Unfounded Money       `json:"unfounded"`
}

// Follow checks that every disbursement names an approved project or a
// purchased post (资金跟着项目走, xiyuan) and totals them.
func (e *Evaluator) Follow(in FollowInput) (FollowResult, error) {
	r, err := Follow(in)
	if err != nil || e.p.Follow == nil || in.Year == 0 || e.p.Follow.Reported.Year != in.Year {
		return r, err
	}
	rep := e.p.Follow.Reported
	r.Basis = e.b.Only("follow.reported")
	r.step(RuleFollow, hubrules.T("与公开数据核对", "compared with the published figure"), r.Total.String()+" vs "+rep.Amount.String()+" ("+rep.Amount.Wan()+", "+itoa64(int64(rep.Year))+")", Exact, "follow.reported")
	r.check(RuleFollow, "reported", r.Total.Equal(rep.Amount), hubrules.Warning, hubrules.T("拨付合计与公开数据不符", "the total differs from the published figure"),
		fact("total", r.Total.String()), fact("reported", rep.Amount.String()))
	return r, nil
}

// Follow is FND-FOLLOW-01 without parameters.
func Follow(in FollowInput) (FollowResult, error) {
	const rule = RuleFollow
	var r FollowResult
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	kinds := make(map[string]FundedKind, len(in.Items))
	for i, it := range in.Items {
		if _, dup := kinds[it.ID]; dup {
			p.Add(hubrules.Index("items", i)+".id", "unique", it.ID, hubrules.T("项目或岗位重复", "duplicate item"))
		}
		kinds[it.ID] = it.Kind
	}
	for i, d := range in.Disbursements {
		if !d.Amount.IsPositive() {
			p.Add(hubrules.Index("disbursements", i)+".amount", "gt", d.Amount.String(), hubrules.T("拨付金额须为正数", "a disbursement must be positive"))
		}
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	r.Input = FollowInput{Year: in.Year, Items: append([]FundedItem(nil), in.Items...), Disbursements: append([]Disbursement(nil), in.Disbursements...)}
	var err error
	for i, d := range in.Disbursements {
		subj := d.ID
		if subj == "" {
			subj = hubrules.Index("disbursements", i)
		}
		if r.Total, err = r.Total.Add(d.Amount); err != nil {
			return FollowResult{}, err
		}
		k, ok := kinds[d.Item]
		switch {
		case ok && k == KindProject:
			r.Projects.fen += d.Amount.fen
		case ok && k == KindPost:
			r.Posts.fen += d.Amount.fen
		default:
			r.Unfounded.fen += d.Amount.fen
		}
		r.check(rule, subj, ok, hubrules.Violation, hubrules.T("拨付未对应已立项项目或购买岗位", "the disbursement names no approved project or purchased post"),
			fact("item", d.Item), fact("amount", d.Amount.String()))
	}
	r.step(rule, hubrules.T("拨付合计 = 项目 + 岗位 + 无依据", "total = projects + posts + unfounded"),
		r.Total.String()+" = "+r.Projects.String()+" + "+r.Posts.String()+" + "+r.Unfounded.String(), Exact)
	return r, nil
}

// Name returns the kind of funded item in Chinese and English.
func (k FundedKind) Name() hubrules.Text {
	switch k {
	case KindProject:
		return hubrules.T("项目", "project")
	case KindPost:
		return hubrules.T("岗位", "post")
	}
	return hubrules.T("未知资助类别", "unknown funded kind")
}

// Codes lists the kinds of funded item (hubrules.Coded).
func (FundedKind) Codes() []hubrules.Code { return hubrules.CodesOf(KindProject, KindPost) }
