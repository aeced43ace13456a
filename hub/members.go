package hub

import (
	"cmp"
	"hash/maphash"
	"slices"
	"strings"

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
	if err := validateMembers(m, hubrules.Date{}, nil); err != nil {
		return Members{}, err
	}
	return m, nil
}

// validateMembers checks m without reflection (the coverage hot path runs
// it on up to 1,000,000 members) in one pass over the members: every field,
// duplicate IDs (each ID hashed once into a key for findDuplicateMembers)
// and the fields of statistics and membership (checkJointBodies,
// checkMembership). The problems of membership are reported only when the
// fields and IDs have none, so the errors and their order are those of
// checking the two in turn. A non-zero
// asOf also rejects census and move-in dates after it. visit, when not nil,
// is called in the same pass with each member while no field so far has a
// problem (so its count of formal members is there), letting Coverage
// count without a second pass; what it gathered is to be dropped when
// validateMembers returns an error.
func validateMembers(mm Members, asOf hubrules.Date, visit func(i int, m *Member)) error {
	ms := mm.Members
	// p holds the problems of the fields and IDs; q those of membership,
	// reported only when p has none.
	var p, q hubrules.Problems
	kinds := checkJointBodies(mm.JointBodies, &q)
	var buf []uint64
	if len(ms) > 1 {
		buf = make([]uint64, 2*len(ms))
	}
	for i := range ms {
		m := &ms[i]
		if buf != nil {
			buf[i] = memberKey(m.ID, i)
		}
		checkMembership(m, i, kinds, &q)
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
		if visit != nil && p.Len() == 0 {
			visit(i, m)
		}
	}
	if p.Len() == 0 && buf != nil {
		findDuplicateMembers(ms, buf, &p)
	}
	if p.Len() > 0 {
		return p.Err()
	}
	return q.Err()
}

// checkJointBodies checks the joint bodies into p and returns their kinds
// by ID.
func checkJointBodies(bodies []JointBody, p *hubrules.Problems) map[string]BodyKind {
	kinds := make(map[string]BodyKind, len(bodies))
	for i, b := range bodies {
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
	return kinds
}

// memberPath is the path of a member's field, "members[3].persons"; it is
// built only for a problem, never per member.
func memberPath(i int, field string) string { return hubrules.Index("members", i) + "." + field }

// checkMembership checks into p the fields of statistics and membership of
// member i (party_body, joint_body against the joint bodies' kinds,
// persons, activity_persons). A member without them costs a few
// comparisons and no allocation.
func checkMembership(mb *Member, i int, kinds map[string]BodyKind, p *hubrules.Problems) {
	if mb.PartyBody != "" {
		switch {
		case mb.Form != hubrules.OwnBranch:
			p.Add(memberPath(i, "party_body"), "form", string(mb.Form), hubrules.T("只有单独组建的组织填写党组织层级", "only an organization with its own party organization gives party_body"))
		case mb.PartyBody != Committee && mb.PartyBody != GeneralBranch && mb.PartyBody != Branch:
			p.Add(memberPath(i, "party_body"), "enum", string(mb.PartyBody), hubrules.T("单独组建的党组织只能是党委、党总支或党支部", "an own party organization is a committee, general_branch or branch"))
		}
	}
	if mb.JointBody != "" {
		if mb.Form != hubrules.JointBranch {
			p.Add(memberPath(i, "joint_body"), "form", string(mb.Form), hubrules.T("只有联合组建的组织填写所在联合党组织", "only an organization in a joint party organization gives joint_body"))
		} else if _, ok := kinds[mb.JointBody]; !ok {
			p.Add(memberPath(i, "joint_body"), "unknown", mb.JointBody, hubrules.T("联合党组织 "+mb.JointBody+" 不在联合党组织列表（joint_bodies）中", "the joint body "+mb.JointBody+" is not in joint_bodies"))
		}
	}
	if len(mb.Persons) > 0 && mb.FormalMembers != nil && len(mb.Persons) != *mb.FormalMembers {
		p.Add(memberPath(i, "persons"), "count", itoa(len(mb.Persons)), hubrules.T("党员编号个数与正式党员数 "+itoa(*mb.FormalMembers)+" 不一致", "the persons listed are not as many as formal_members ("+itoa(*mb.FormalMembers)+")"))
	}
	if len(mb.ActivityPersons) > 0 && mb.Form != hubrules.ActivityBranch {
		p.Add(memberPath(i, "activity_persons"), "form", string(mb.Form), hubrules.T("只有活动型党支部填写活动党员", "only an activity branch lists activity_persons"))
	}
	if len(mb.Persons)+len(mb.ActivityPersons) == 0 {
		return
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
			switch {
			case id == "":
				p.Add(hubrules.Index(memberPath(i, list.name), j), "required", "", hubrules.T("党员编号不能为空", "a person's id is empty"))
			case len(id) > 100:
				p.Add(hubrules.Index(memberPath(i, list.name), j), "max", id, hubrules.T("党员编号不能超过 100 个字符", "a person's id must be at most 100 characters"))
			case seen[id]:
				p.Add(hubrules.Index(memberPath(i, list.name), j), "duplicate", id, hubrules.T("党员编号 "+id+" 在本组织重复", "the person "+id+" is listed twice"))
			}
			seen[id] = true
		}
	}
}

// personClaim is a person whose formal membership two organizations claim.
type personClaim struct {
	person, first, second string
}

// doubleClaims returns the persons listed in Persons of two organizations
// (一方隶属: one home organization only), each once, in order, and how
// many listings there are beyond the first of each person.
func doubleClaims(ms []Member) (out []personClaim, extra int) {
	var c claims
	for i := range ms {
		c.add(&ms[i])
	}
	return c.out, c.extra
}

// claims collects doubleClaims one member at a time, so that Coverage
// does it in its own pass over the members; a member without Persons
// costs one comparison, and the maps are made at the first person.
type claims struct {
	home     map[string]string // person → first organization listing them
	reported map[string]bool
	out      []personClaim
	extra    int
}

// add takes the persons of the next member.
func (c *claims) add(mb *Member) {
	if len(mb.Persons) == 0 {
		return
	}
	if c.home == nil {
		c.home, c.reported = map[string]string{}, map[string]bool{}
	}
	for _, id := range mb.Persons {
		h, ok := c.home[id]
		switch {
		case !ok:
			c.home[id] = mb.ID
		case h != mb.ID:
			c.extra++
			if !c.reported[id] {
				c.reported[id] = true
				c.out = append(c.out, personClaim{person: id, first: h, second: mb.ID})
			}
		}
	}
}

// idSeed seeds the hash of member IDs; a seed of its own for each
// process means no input can be crafted to make IDs collide.
var idSeed = maphash.MakeSeed()

// memberKey is the sort key of member i for findDuplicateMembers: a 32-bit
// hash of its ID (hash/maphash, the runtime's string hash) above the
// index. A slice of 2³² members would take more than 700 GB, so the index
// always fits in the lower 32 bits.
func memberKey(id string, i int) uint64 {
	return maphash.String(idSeed, id)&^0xffffffff | uint64(uint32(i))
}

// findDuplicateMembers reports, in the order of the members, every ID equal
// to an earlier one, naming the first member with that ID. buf holds
// memberKey of each member in its first len(ms) entries and is scratch
// after them (one allocation, sized by the input). The keys are sorted by
// their hash (sortKeys, a radix sort) so that equal IDs become neighbours,
// and one sequential pass compares the strings of neighbours whose hashes
// agree. Sorting trades the random
// probes of a hash table, a cache miss each once the table outgrows the
// cache (16 MB at 1,000,000 members), for sequential passes: the cost per
// member stays flat from 1,000 to 1,000,000 members.
func findDuplicateMembers(ms []Member, buf []uint64, p *hubrules.Problems) {
	for _, d := range duplicateMembers(ms, buf) {
		i, j := int(d>>32), int(uint32(d))
		s := ms[i].ID
		p.Add(hubrules.Index("members", i)+".id", "duplicate", s,
			hubrules.T("编号 "+s+" 重复（与第 "+itoa(j)+" 项相同）", "duplicate id "+s+" (same as item "+itoa(j)+")"))
	}
}

// duplicateMembers returns the duplicates of findDuplicateMembers, each as
// its index << 32 | the first index of its ID, in ascending order, in buf's
// scratch half.
func duplicateMembers(ms []Member, buf []uint64) []uint64 {
	n := len(ms)
	keys, scratch := buf[:n], buf[n:2*n]
	sortKeys(keys, scratch)
	// A key holds its index in its lower bits, so the sorted keys are in
	// the order of (hash, index): equal IDs are in one run of equal hashes.
	pairs := scratch[:0] // duplicate index << 32 | first index
	for s := 0; s < n; {
		h := keys[s] >> 32
		e := s + 1
		for e < n && keys[e]>>32 == h {
			e++
		}
		if e-s > 1 {
			pairs = duplicatesInRun(ms, keys[s:e], pairs)
		}
		s = e
	}
	slices.Sort(pairs)
	return pairs
}

// duplicatesInRun appends to pairs each duplicate of a run of keys whose
// hashes agree, with the first index of its ID. Sorting the run by ID then
// index keeps the cost O(k log k) string comparisons even for k IDs
// crafted to share a hash; a run is almost always one or two keys.
func duplicatesInRun(ms []Member, run, pairs []uint64) []uint64 {
	slices.SortFunc(run, func(a, b uint64) int {
		if c := strings.Compare(ms[uint32(a)].ID, ms[uint32(b)].ID); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	first := uint32(run[0])
	for _, k := range run[1:] {
		if i := uint32(k); ms[i].ID == ms[first].ID {
			pairs = append(pairs, uint64(i)<<32|uint64(first))
		} else {
			first = i
		}
	}
	return pairs
}

// sortKeys sorts keys by their upper 32 bits, keeping the order of equal
// ones, using scratch (as long as keys). Keys made in index order come out
// in ascending order of the whole key. A first pass spreads the keys by
// their top byte into 256 buckets; each bucket, at 1,000,000 keys about
// 4,000 of them (31 KB, in the cache), is then sorted on the next three
// bytes by a stable LSD radix sort, so that only one pass scatters over
// the whole array.
func sortKeys(keys, scratch []uint64) {
	if len(keys) <= 256 {
		slices.Sort(keys) // the same order: the lower bits are the index
		return
	}
	var start [257]int
	for _, k := range keys {
		start[k>>56+1]++
	}
	for b := 1; b <= 256; b++ {
		start[b] += start[b-1]
	}
	next := start
	for _, k := range keys {
		b := k >> 56
		scratch[next[b]] = k
		next[b]++
	}
	for b := range 256 {
		lo, hi := start[b], start[b+1]
		if hi-lo <= 64 {
			copy(keys[lo:hi], scratch[lo:hi])
			slices.Sort(keys[lo:hi])
			continue
		}
		sortBucket(scratch[lo:hi], keys[lo:hi])
	}
}

// sortBucket sorts src by bits 32 to 55 of its keys, stably, into dst
// (three passes of one byte, src and dst in turn as scratch).
func sortBucket(src, dst []uint64) {
	var count [3][256]int
	for _, k := range src {
		count[0][byte(k>>32)]++
		count[1][byte(k>>40)]++
		count[2][byte(k>>48)]++
	}
	for d := range count {
		shift := 32 + 8*d
		c := &count[d]
		sum := 0
		for b, v := range c {
			c[b] = sum
			sum += v
		}
		for _, k := range src {
			b := byte(k >> shift)
			dst[c[b]] = k
			c[b]++
		}
		src, dst = dst, src
	}
	// Three passes: the sorted keys are in dst.
}

// msgMissingMembers is the message for a missing count of formal members,
// which is never read as 0.
var msgMissingMembers = hubrules.T("缺少正式党员数（没有时填 0）", "formal_members is missing (0 when there are none)")
