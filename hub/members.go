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
	// PartyBody is, for an own party organization (单独组建), the kind of
	// body it is: committee (党委), general_branch (党总支) or branch (党支部).
	// Absent: the body the formal members call for under HUB-FORM-02
	// (Statistics says it derived it).
	PartyBody BodyKind `json:"party_body,omitempty" validate:"omitempty,enum" doc:"单独组建时党组织的层级：committee 党委、general_branch 党总支、branch 党支部；缺省：按 HUB-FORM-02 由正式党员数推出 / for an own party organization its body: committee, general_branch or branch; absent: the body HUB-FORM-02 calls for"`
	// JointBody is, for a member in a joint party organization (联合组建),
	// the ID of that body, one of Members.JointBodies.
	JointBody string `json:"joint_body,omitempty" validate:"max=100" doc:"联合组建时所在联合党组织的编号（须列在 joint_bodies 中）/ for a member of a joint party organization the ID of that body, listed in joint_bodies"`
	// Persons optionally identifies the formal party members whose
	// membership (组织关系) is in this organization, len(Persons) ==
	// FormalMembers: 一方隶属 — a person's membership is in one
	// organization only, so a person listed by two organizations is a
	// finding (HUB-COV-01) and counted once.
	Persons []string `json:"persons,omitempty" validate:"max=100000,dive,required,max=100" doc:"组织关系在本组织的正式党员编号（可选，个数须等于 formal_members）；同一人被两个组织列为本组织党员时为违规并只计一次 / IDs of the formal members whose membership is here (optional, as many as formal_members); a person listed by two organizations is a finding and counted once"`
	// ActivityPersons optionally lists, for an activity branch (活动型党支部),
	// the persons active in it whose formal membership stays in another
	// organization (双向管理、双边活动): they are not counted again here.
	ActivityPersons []string `json:"activity_persons,omitempty" validate:"max=100000,dive,required,max=100" doc:"活动型党支部中组织关系在其他组织的党员编号（可选）；不在本组织重复计数 / for an activity branch the persons active in it whose membership stays elsewhere (optional); not counted again"`
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

// Members is a hub's member list, the input of Coverage and Statistics.
type Members struct {
	Hub     string   `json:"hub" validate:"max=200"`
	Members []Member `json:"members" validate:"dive"`
	// JointBodies are the joint party organizations (联合组建) the members'
	// JointBody names: a joint general branch (general_branch, 联合党总支)
	// or a joint branch (joint_branch, 联合党支部).
	JointBodies []JointBody `json:"joint_bodies,omitempty" validate:"max=100000,dive" doc:"成员所在的联合党组织：general_branch 联合党总支、joint_branch 联合党支部 / the joint party organizations the members name: general_branch or joint_branch"`
}

// JointBody is one joint party organization of a hub (联合组建).
type JointBody struct {
	ID   string   `json:"id" validate:"required,max=100"`
	Kind BodyKind `json:"kind" validate:"enum"`
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
	if err := validateMembership(m); err != nil {
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

// validateMembership checks the fields of statistics and membership
// (party_body, joint_body against the joint bodies, persons) that
// validateMembers leaves, so that the coverage hot path stays as it was
// for members without them.
func validateMembership(m Members) error {
	var p hubrules.Problems
	kinds := make(map[string]BodyKind, len(m.JointBodies))
	for i, b := range m.JointBodies {
		path := hubrules.Index("joint_bodies", i)
		switch {
		case b.ID == "":
			p.Add(path+".id", "required", "", hubrules.T("联合党组织编号（id）为必填项", "id is required"))
		case len(b.ID) > 100:
			p.Add(path+".id", "max", b.ID, hubrules.T("联合党组织编号不能超过 100 个字符", "id must be at most 100 characters"))
		default:
			if _, dup := kinds[b.ID]; dup {
				p.Add(path+".id", "duplicate", b.ID, hubrules.T("联合党组织编号 "+b.ID+" 重复", "duplicate joint body "+b.ID))
			}
			kinds[b.ID] = b.Kind
		}
		if b.Kind != GeneralBranch && b.Kind != JointBranchBody {
			p.Add(path+".kind", "enum", string(b.Kind), hubrules.T("联合党组织只能是联合党总支（general_branch）或联合党支部（joint_branch）", "a joint body is a general_branch or a joint_branch"))
		}
	}
	for i := range m.Members {
		mb := &m.Members[i]
		path := hubrules.Index("members", i)
		if mb.PartyBody != "" {
			switch {
			case mb.Form != hubrules.OwnBranch:
				p.Add(path+".party_body", "form", string(mb.Form), hubrules.T("只有单独组建的组织填写党组织层级", "only an organization with its own party organization gives party_body"))
			case mb.PartyBody != Committee && mb.PartyBody != GeneralBranch && mb.PartyBody != Branch:
				p.Add(path+".party_body", "enum", string(mb.PartyBody), hubrules.T("单独组建的党组织只能是党委、党总支或党支部", "an own party organization is a committee, general_branch or branch"))
			}
		}
		if mb.JointBody != "" {
			if mb.Form != hubrules.JointBranch {
				p.Add(path+".joint_body", "form", string(mb.Form), hubrules.T("只有联合组建的组织填写所在联合党组织", "only an organization in a joint party organization gives joint_body"))
			} else if _, ok := kinds[mb.JointBody]; !ok {
				p.Add(path+".joint_body", "unknown", mb.JointBody, hubrules.T("联合党组织 "+mb.JointBody+" 不在联合党组织列表（joint_bodies）中", "the joint body "+mb.JointBody+" is not in joint_bodies"))
			}
		}
		if len(mb.Persons) > 0 && mb.FormalMembers != nil && len(mb.Persons) != *mb.FormalMembers {
			p.Add(path+".persons", "count", itoa(len(mb.Persons)), hubrules.T("党员编号个数与正式党员数 "+itoa(*mb.FormalMembers)+" 不一致", "the persons listed are not as many as formal_members ("+itoa(*mb.FormalMembers)+")"))
		}
		if len(mb.ActivityPersons) > 0 && mb.Form != hubrules.ActivityBranch {
			p.Add(path+".activity_persons", "form", string(mb.Form), hubrules.T("只有活动型党支部填写活动党员", "only an activity branch lists activity_persons"))
		}
		for _, list := range [2]struct {
			name string
			ids  []string
		}{{"persons", mb.Persons}, {"activity_persons", mb.ActivityPersons}} {
			if len(list.ids) == 0 {
				continue
			}
			seen := map[string]bool{}
			for j, id := range list.ids {
				ip := hubrules.Index(path+"."+list.name, j)
				switch {
				case id == "":
					p.Add(ip, "required", "", hubrules.T("党员编号不能为空", "a person's id is empty"))
				case len(id) > 100:
					p.Add(ip, "max", id, hubrules.T("党员编号不能超过 100 个字符", "a person's id must be at most 100 characters"))
				case seen[id]:
					p.Add(ip, "duplicate", id, hubrules.T("党员编号 "+id+" 在本组织重复", "the person "+id+" is listed twice"))
				}
				seen[id] = true
			}
		}
	}
	return p.Err()
}

// personClaim is a person whose formal membership two organizations claim.
type personClaim struct {
	person, first, second string
}

// doubleClaims returns the persons listed in Persons of two organizations
// (一方隶属: one home organization only), each once, in order, and how
// many listings there are beyond the first of each person.
func doubleClaims(ms []Member) (out []personClaim, extra int) {
	home := map[string]string{}
	reported := map[string]bool{}
	for i := range ms {
		for _, id := range ms[i].Persons {
			h, ok := home[id]
			switch {
			case !ok:
				home[id] = ms[i].ID
			case h != ms[i].ID:
				extra++
				if !reported[id] {
					reported[id] = true
					out = append(out, personClaim{person: id, first: h, second: ms[i].ID})
				}
			}
		}
	}
	return out, extra
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
