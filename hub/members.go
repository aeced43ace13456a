package hub

import (
	"github.com/hubrules/hubrules"
)

// Member is one member organization of a hub (入驻、会员或结对联系的社会组织)
// as the coverage rules see it.
type Member struct {
	// ID identifies the organization; IDs are unique within a hub.
	ID   string `json:"id" validate:"required,max=100"`
	Name string `json:"name,omitempty" validate:"max=200"`
	// Category is the service category; empty when not categorized.
	Category Category `json:"category,omitempty" validate:"omitempty,enum"`
	// Form is the party form the organization has now.
	Form hubrules.PartyForm `json:"form" validate:"enum"`
	// FormalMembers is its count of formal (正式) party members; required
	// (0 when there are none).
	FormalMembers *int `json:"formal_members" validate:"required,gte=0"`
	// CrossAppointed is 双向进入、交叉任职: its managers sit on its party
	// organization's committee and its party leaders sit in management
	// (HUB-XAPT-01). Only an organization with a party organization of its
	// own, joint or activity branch can be cross-appointed: with a liaison
	// only there is none to cross-appoint with, and saying so is an input
	// error.
	CrossAppointed bool `json:"cross_appointed,omitempty"`
	// CrossAppointedPersons is how many of its people hold such a cross
	// appointment (wuliqiao counted persons: 交叉任职24人). Absent for a
	// cross-appointed organization: the hub's count of persons is unknown
	// and HUB-XAPT-01 says so (never read as 0). A positive count makes the
	// organization cross-appointed; 0 with CrossAppointed is a
	// contradiction (input error).
	CrossAppointedPersons *int `json:"cross_appointed_persons,omitempty" validate:"omitempty,gte=0,lte=100000" doc:"该组织交叉任职的人数（五里桥按人数统计）；交叉任职而缺此数时，枢纽的交叉任职人数未知 / persons of the organization in a cross appointment (wuliqiao counts persons); absent for a cross-appointed organization, the hub's count of persons is unknown"`
	// MovedIn is the move-in (入驻) date, if known.
	MovedIn hubrules.Date `json:"moved_in,omitempty"`
	// CensusOn is the date of its latest party census (党员情况排摸); zero when
	// none was recorded (HUB-CENSUS-01).
	CensusOn hubrules.Date `json:"census_on,omitempty"`
}

// crossAppointed reports whether m is cross-appointed: flagged, or with
// cross-appointed persons.
func (m *Member) crossAppointed() bool {
	return m.CrossAppointed || m.CrossAppointedPersons != nil && *m.CrossAppointedPersons > 0
}

// Members is a hub's member list, the input of Coverage.
type Members struct {
	Hub     string   `json:"hub" validate:"max=200"`
	Members []Member `json:"members" validate:"dive"`
}

// DecodeMembers decodes a hub's member list from JSON strictly (unknown
// fields, bad types, unknown codes, negative counts, duplicate IDs and a
// cross-appointment without work coverage are *InputErrors naming the field).
func DecodeMembers(data []byte) (Members, error) {
	var m Members
	if err := hubrules.DecodeJSON(data, &m); err != nil {
		return Members{}, err
	}
	if err := validateMembers(m.Members, hubrules.Date{}); err != nil {
		return Members{}, err
	}
	return m, nil
}

// validateMembers checks members without reflection (the coverage hot path
// runs it on 100,000 members): every field, and duplicate IDs through an
// open-addressing table of indexes. A non-zero asOf also rejects census and
// move-in dates after it.
func validateMembers(ms []Member, asOf hubrules.Date) error {
	var p hubrules.Problems
	for i := range ms {
		m := &ms[i]
		if m.ID == "" {
			p.Add(hubrules.Index("members", i)+".id", "required", "", hubrules.T("组织编号（id）为必填项", "id is required"))
		} else if len(m.ID) > 100 {
			p.Add(hubrules.Index("members", i)+".id", "max", m.ID, hubrules.T("组织编号（id）不能超过 100 个字符", "id must be at most 100 characters"))
		}
		if m.Category != Uncategorized && !m.Category.Valid() {
			p.Add(hubrules.Index("members", i)+".category", "enum", string(m.Category), hubrules.UnknownCode("category", string(m.Category), m.Category))
		}
		if !m.Form.Valid() {
			p.Add(hubrules.Index("members", i)+".form", "enum", string(m.Form), hubrules.UnknownCode("form", string(m.Form), m.Form))
		}
		if m.FormalMembers == nil {
			p.Add(hubrules.Index("members", i)+".formal_members", "required", "", msgMissingMembers)
		} else if *m.FormalMembers < 0 {
			p.AddField(negativeField(hubrules.Index("members", i)+".formal_members", *m.FormalMembers))
		}
		if n := m.CrossAppointedPersons; n != nil && (*n < 0 || *n > 100000) {
			p.Add(hubrules.Index("members", i)+".cross_appointed_persons", "range", itoa(*n),
				hubrules.T("交叉任职人数须在 0 到 100000 之间", "cross_appointed_persons must be between 0 and 100000"))
		} else if n != nil && *n == 0 && m.CrossAppointed {
			p.Add(hubrules.Index("members", i)+".cross_appointed_persons", "contradiction", "0",
				hubrules.T("标为交叉任职，交叉任职人数却为 0", "cross_appointed is set but cross_appointed_persons is 0"))
		}
		if m.crossAppointed() && !m.Form.OrganizationalCoverage() {
			path := ".cross_appointed"
			if !m.CrossAppointed {
				path = ".cross_appointed_persons"
			}
			p.Add(hubrules.Index("members", i)+path, "coverage", string(m.Form),
				hubrules.T("没有党组织（只有党建联络员或没有覆盖）的组织无从交叉任职", "an organization without a party organization (a liaison only, or none) has no party organization to cross-appoint with"))
		}
		if !asOf.IsZero() {
			if m.CensusOn.After(asOf) {
				p.Add(hubrules.Index("members", i)+".census_on", "order", m.CensusOn.String(),
					hubrules.T("排摸日期晚于评估日 "+asOf.String(), "the census date is after the evaluation date "+asOf.String()))
			}
			if m.MovedIn.After(asOf) {
				p.Add(hubrules.Index("members", i)+".moved_in", "order", m.MovedIn.String(),
					hubrules.T("入驻日期晚于评估日 "+asOf.String(), "the move-in date is after the evaluation date "+asOf.String()))
			}
		}
	}
	if p.Len() == 0 {
		findDuplicateMembers(ms, &p)
	}
	return p.Err()
}

// findDuplicateMembers reports every ID equal to an earlier one. It hashes
// with FNV-1a into an open-addressing table whose entries keep the upper 32
// bits of the hash next to the index, so strings are compared only when
// the hashes agree (one allocation, no map). The table is kept small (load
// up to 0.8) because on 100,000 IDs its cache misses, not the probes, are
// the cost; linear probing keeps the extra probes in one cache line.
func findDuplicateMembers(ms []Member, p *hubrules.Problems) {
	n := len(ms)
	if n < 2 {
		return
	}
	size := 1
	for size < n+n/4 {
		size <<= 1
	}
	table := make([]uint64, size) // hash high 32 bits | index+1; 0 = empty
	mask := uint64(size - 1)
	for i := 0; i < n; i++ {
		s := ms[i].ID
		h := uint64(14695981039346656037)
		for j := 0; j < len(s); j++ {
			h ^= uint64(s[j])
			h *= 1099511628211
		}
		hi := h &^ 0xffffffff
		for k := (h ^ h>>32) & mask; ; k = (k + 1) & mask {
			e := table[k]
			if e == 0 {
				table[k] = hi | uint64(i+1)
				break
			}
			if e&^0xffffffff != hi {
				continue
			}
			j := int(e&0xffffffff) - 1
			if ms[j].ID == s {
				p.Add(hubrules.Index("members", i)+".id", "duplicate", s,
					hubrules.T("编号 "+s+" 重复（与第 "+itoa(j)+" 项相同）", "duplicate id "+s+" (same as item "+itoa(j)+")"))
				break
			}
		}
	}
}

// msgMissingMembers is the message for a missing count of formal members,
// which is never read as 0.
var msgMissingMembers = hubrules.T("缺少正式党员数（没有时填 0）", "formal_members is missing (0 when there are none)")
