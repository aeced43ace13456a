package grading

import "github.com/hubrules/hubrules"

// Sheet is an indicator tree (评估指标): first-level indicators (一级指标)
// each made of second-level items (二级指标) with their maximum points. A
// sheet is data from params.yaml, per legal form, programme and date.
type Sheet struct {
	Code       string        `json:"code" yaml:"code"`
	Name       hubrules.Text `json:"name" yaml:"name"`
	Indicators []Indicator   `json:"indicators" yaml:"indicators"`
	// SystemDeduction is what each missing institutional system (GRD-SYS-01)
	// takes off the governance indicator.
	SystemDeduction hubrules.Points `json:"system_deduction" yaml:"system_deduction"`
}

// Indicator is a first-level indicator (一级指标).
type Indicator struct {
	Code string          `json:"code" yaml:"code"`
	Name hubrules.Text   `json:"name" yaml:"name"`
	Max  hubrules.Points `json:"max" yaml:"max"`
	// Governance marks 内部治理: missing institutional systems lower it.
	Governance bool   `json:"governance,omitempty" yaml:"governance"`
	Items      []Item `json:"items" yaml:"items"`
}

// Item is a second-level item (二级指标).
type Item struct {
	Code string          `json:"code" yaml:"code"`
	Name hubrules.Text   `json:"name" yaml:"name"`
	Max  hubrules.Points `json:"max" yaml:"max"`
	// Party marks a party-building item (党组织), weighted by
	// party.weight_percent.
	Party bool `json:"party,omitempty" yaml:"party"`
	// PartySetup marks the item scored from the party-organization form
	// (党组织建立): it is computed, never given in a score sheet.
	PartySetup bool `json:"party_setup,omitempty" yaml:"party_setup"`
}

// Full is the sheet's total of first-level maxima.
func (s *Sheet) Full() hubrules.Points {
	var t hubrules.Points
	for _, in := range s.Indicators {
		t += in.Max
	}
	return t
}

// check reports structural problems: maxima that do not add up, duplicate or
// empty codes, non-positive maxima, more than one party-setup item.
func (s *Sheet) check(path string, p *hubrules.Problems) {
	if s.Code == "" {
		p.Add(path+".code", "required", "", hubrules.T("指标表缺少代码", "the sheet has no code"))
	}
	if len(s.Indicators) == 0 {
		p.Add(path+".indicators", "required", "", hubrules.T("指标表没有一级指标", "the sheet has no first-level indicators"))
	}
	if s.SystemDeduction < 0 {
		p.Add(path+".system_deduction", "gte", s.SystemDeduction.String(), hubrules.T("制度缺失扣分不能为负", "the deduction per missing system cannot be negative"))
	}
	seen := map[string]bool{}
	seenItem := map[string]bool{}
	setups := 0
	for i, in := range s.Indicators {
		ip := hubrules.Index(path+".indicators", i)
		if in.Code == "" || seen[in.Code] {
			p.Add(ip+".code", "unique", in.Code, hubrules.T("一级指标代码为空或重复："+in.Code, "first-level code empty or duplicated: "+in.Code))
		}
		seen[in.Code] = true
		if in.Max <= 0 {
			p.Add(ip+".max", "gt", in.Max.String(), hubrules.T("一级指标满分必须为正", "a first-level maximum must be positive"))
		}
		if len(in.Items) == 0 {
			p.Add(ip+".items", "required", "", hubrules.T("一级指标没有二级指标", "a first-level indicator has no items"))
		}
		var sum hubrules.Points
		for j, it := range in.Items {
			jp := hubrules.Index(ip+".items", j)
			if it.Code == "" || seenItem[it.Code] {
				p.Add(jp+".code", "unique", it.Code, hubrules.T("二级指标代码为空或重复："+it.Code, "item code empty or duplicated: "+it.Code))
			}
			seenItem[it.Code] = true
			if it.Max <= 0 {
				p.Add(jp+".max", "gt", it.Max.String(), hubrules.T("二级指标满分必须为正", "an item maximum must be positive"))
			}
			if it.PartySetup {
				setups++
				if !it.Party {
					p.Add(jp+".party", "required", "", hubrules.T("党组织建立项必须同时标为党建项", "the party set-up item must also be marked party"))
				}
			}
			sum += it.Max
		}
		if len(in.Items) > 0 && sum != in.Max {
			p.Add(ip+".max", "sum", in.Max.String(), hubrules.T("一级指标 "+in.Code+" 满分 "+in.Max.String()+" 不等于二级指标之和 "+sum.String(),
				"first-level "+in.Code+" maximum "+in.Max.String()+" is not the sum of its items "+sum.String()))
		}
	}
	if setups > 1 {
		p.Add(path+".indicators", "party_setup", "", hubrules.T("最多一个党组织建立项", "at most one party set-up item"))
	}
}

// compiled is a sheet prepared for scoring: items flattened in sheet order
// with an index from code to position, built once. A score sheet lists its
// items in sheet order as a rule, so find checks the position after the
// previous score's first (one string comparison) and hashes the code only
// for a score out of order: the cost per item does not grow with the sheet.
type compiled struct {
	sheet    *Sheet
	items    []flatItem     // sheet order
	index    map[string]int // code → position in items
	full     hubrules.Points
	partyMax hubrules.Points
	setup    int // index of the party set-up item, -1 if none
	scored   int // items the caller scores: all but the set-up item
	govIndex int // index of the governance indicator, -1 if none
}

type flatItem struct {
	code      string
	indicator int
	max       hubrules.Points
	party     bool
	setup     bool
}

func compile(s *Sheet) *compiled {
	c := &compiled{sheet: s, setup: -1, govIndex: -1}
	for i, in := range s.Indicators {
		if in.Governance && c.govIndex < 0 {
			c.govIndex = i
		}
		for _, it := range in.Items {
			if it.PartySetup {
				c.setup = len(c.items)
			}
			if it.Party {
				c.partyMax += it.Max
			}
			c.items = append(c.items, flatItem{code: it.Code, indicator: i, max: it.Max, party: it.Party, setup: it.PartySetup})
		}
		c.full += in.Max
	}
	c.index = make(map[string]int, len(c.items))
	for i, it := range c.items {
		if !it.setup {
			c.scored++
		}
		if _, dup := c.index[it.code]; !dup { // a checked sheet has none
			c.index[it.code] = i
		}
	}
	return c
}

// find returns the position of code in c.items, -1 if the sheet has no such
// item; hint is the position expected (the one after the previous score's).
func (c *compiled) find(code string, hint int) int {
	if hint < len(c.items) && c.items[hint].code == code {
		return hint
	}
	if k, ok := c.index[code]; ok {
		return k
	}
	return -1
}
