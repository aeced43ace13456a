package hub

import (
	"github.com/hubrules/hubrules"
)

// Posts are the holders of xiyuan's "两委两站" posts, by person ID
// (HUB-XIYUAN-01).
type Posts struct {
	// DeputySecretaries of the community party committee (社区党委副书记).
	DeputySecretaries []string `json:"deputy_secretaries" validate:"dive,required,max=100"`
	// ResidentsDirector is the residents' committee director (社居委主任).
	ResidentsDirector string `json:"residents_director" validate:"max=100"`
	// ResidentsDirectorIsMember: the director is a party member.
	ResidentsDirectorIsMember bool `json:"residents_director_is_member"`
	// WorkStationHead is the community work-station head (社区工作站站长).
	WorkStationHead string `json:"work_station_head" validate:"max=100"`
	// SocialWorkStationHead is the social-work service station head.
	SocialWorkStationHead string `json:"social_work_station_head" validate:"max=100"`
}

var (
	msgXy1Station  = hubrules.T("社区工作站站长应兼任社区党委副书记", "the work-station head must be a deputy secretary of the community party committee")
	msgXy1Director = hubrules.T("社居委主任是党员的，应兼任社区党委副书记", "the residents' committee director, a party member, must be a deputy secretary")
	msgXy1Social   = hubrules.T("社区社会工作服务站站长应由社居委主任兼任", "the social-work station head must be the residents' committee director")
	msgXy2Short    = hubrules.T("“1+2+X”服务站人员不足", "the \"1+2+X\" station is short of staff")
	msgXy3None     = hubrules.T("该类社区组织没有配备社会工作师（“4+1”）", "the body has no certified social worker (\"4+1\")")
)

// CheckPosts applies HUB-XIYUAN-01: the work-station head is a deputy
// secretary; the residents' committee director, if a party member, is a
// deputy secretary; the social-work station head is the director. An empty
// post is a finding, not an error.
func (c *Checker) CheckPosts(p Posts, asOf hubrules.Date) (hubrules.Report, error) {
	if err := hubrules.Validate(&p); err != nil {
		return hubrules.Report{}, err
	}
	isDeputy := func(id string) bool {
		for _, d := range p.DeputySecretaries {
			if d == id && id != "" {
				return true
			}
		}
		return false
	}
	r := hubrules.Report{Basis: c.basisFor(asOf, "-"), Findings: []hubrules.Finding{}}
	check := func(subject string, ok bool, msg hubrules.Text, facts ...hubrules.Fact) {
		r.Checks = append(r.Checks, hubrules.Check{Rule: RuleXiyuan01, Subject: subject, Outcome: outcome(!ok)})
		if !ok {
			r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleXiyuan01, Severity: hubrules.Violation, Subject: subject, Message: msg, Facts: facts})
		}
	}
	check("work_station_head", isDeputy(p.WorkStationHead), msgXy1Station, fact("work_station_head", p.WorkStationHead))
	if p.ResidentsDirectorIsMember {
		check("residents_director", isDeputy(p.ResidentsDirector), msgXy1Director, fact("residents_director", p.ResidentsDirector))
	} else {
		r.Checks = append(r.Checks, hubrules.Check{Rule: RuleXiyuan01, Subject: "residents_director", Outcome: hubrules.NotApplicable})
	}
	check("social_work_station_head", p.SocialWorkStationHead != "" && p.SocialWorkStationHead == p.ResidentsDirector, msgXy1Social,
		fact("social_work_station_head", p.SocialWorkStationHead), fact("residents_director", p.ResidentsDirector))
	return r, nil
}

// Station is the staffing of the social-work service station (HUB-XIYUAN-02).
// Each count is required (0 when there are none): a count left out is
// missing data, not a shortfall.
type Station struct {
	SocialWorkerPosts       *int `json:"social_worker_posts" validate:"required,gte=0"`
	ResidentsCommitteeStaff *int `json:"residents_committee_members" validate:"required,gte=0"`
	CommunityOrgs           *int `json:"community_orgs" validate:"required,gte=0"`
}

// CheckStation applies HUB-XIYUAN-02 ("1+2+X"): at least 1 professional
// social-worker post, 2 residents' committee members and X≥1 community
// organizations; one finding per shortfall.
func (c *Checker) CheckStation(s Station, asOf hubrules.Date) (hubrules.Report, error) {
	c, err := c.at(asOf)
	if err != nil {
		return hubrules.Report{}, err
	}
	if err := hubrules.Validate(&s); err != nil {
		return hubrules.Report{}, err
	}
	if r, ok := c.gatedReport(RuleXiyuan02, "station", asOf, "xiyuan.station_social_workers", "xiyuan.station_residents_members", "xiyuan.station_min_orgs"); !ok {
		return r, nil
	}
	r := hubrules.Report{Basis: c.basisFor(asOf, "xiyuan.station_social_workers", "xiyuan.station_residents_members", "xiyuan.station_min_orgs"), Findings: []hubrules.Finding{}}
	short := func(subject string, have, need int, param string) {
		if have < need {
			r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleXiyuan02, Severity: hubrules.Violation, Subject: subject, Message: msgXy2Short,
				Facts: []hubrules.Fact{fact(subject, itoa(have)), fact(param, itoa(need))}})
		}
	}
	// Validate made every count present.
	short("social_worker_posts", *s.SocialWorkerPosts, c.p.StationSocialWorkers, "xiyuan.station_social_workers")
	short("residents_committee_members", *s.ResidentsCommitteeStaff, c.p.StationResidentsMembers, "xiyuan.station_residents_members")
	short("community_orgs", *s.CommunityOrgs, c.p.StationMinOrgs, "xiyuan.station_min_orgs")
	r.Checks = []hubrules.Check{{Rule: RuleXiyuan02, Subject: "station", Outcome: outcome(len(r.Findings) > 0)}}
	return r, nil
}

// BodyStaff is the number of certified social workers (社会工作师) in one of
// the four community bodies (HUB-XIYUAN-03).
// Certified is required (0 when there is none); a body left out of the
// list counts as none.
type BodyStaff struct {
	Body      CommunityBody `json:"body" validate:"enum"`
	Certified *int          `json:"certified" validate:"required,gte=0"`
}

var msgMissingCertified = hubrules.T("缺少持证社会工作师人数 certified（没有时写 0）", "certified (the number of certified social workers) is missing; write 0 for none")

// CheckFourPlusOne applies HUB-XIYUAN-03 ("4+1"): each of the four bodies has
// at least one certified social worker; a body missing from the list counts
// as none. A body listed twice is an *InputError.
func (c *Checker) CheckFourPlusOne(staff []BodyStaff, asOf hubrules.Date) (hubrules.Report, error) {
	c, err := c.at(asOf)
	if err != nil {
		return hubrules.Report{}, err
	}
	var p hubrules.Problems
	var count [4]int
	var seen [4]bool
	for i, s := range staff {
		path := hubrules.Index("bodies", i)
		k := bodyIndex(s.Body)
		if k < 0 {
			p.Add(path+".body", "enum", string(s.Body), hubrules.UnknownCode("body", string(s.Body), s.Body))
		} else if seen[k] {
			p.Add(path+".body", "duplicate", string(s.Body), hubrules.T("社区组织"+hubrules.Label(s.Body).ZH+"重复", "duplicate body "+string(s.Body)))
		} else if s.Certified != nil {
			seen[k] = true
			count[k] = *s.Certified
		}
		switch {
		case s.Certified == nil:
			p.Add(path+".certified", "required", "", msgMissingCertified)
		case *s.Certified < 0:
			p.AddField(negativeField(path+".certified", *s.Certified))
		}
	}
	if err := p.Err(); err != nil {
		return hubrules.Report{}, err
	}
	if r, ok := c.gatedReport(RuleXiyuan03, "bodies", asOf, "xiyuan.min_certified_per_body"); !ok {
		return r, nil
	}
	r := hubrules.Report{Basis: c.basisFor(asOf, "xiyuan.min_certified_per_body"), Findings: []hubrules.Finding{}}
	for _, b := range CommunityBodies() {
		n := count[bodyIndex(b)]
		bad := n < c.p.MinCertifiedPerBody
		r.Checks = append(r.Checks, hubrules.Check{Rule: RuleXiyuan03, Subject: string(b), Outcome: outcome(bad)})
		if bad {
			r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleXiyuan03, Severity: hubrules.Violation, Subject: string(b), Message: msgXy3None,
				Facts: []hubrules.Fact{fact("certified", itoa(n)), fact("xiyuan.min_certified_per_body", itoa(c.p.MinCertifiedPerBody))}})
		}
	}
	return r, nil
}

func bodyIndex(b CommunityBody) int {
	switch b {
	case PartyCommittee:
		return 0
	case ResidentsCommittee:
		return 1
	case WorkStation:
		return 2
	case SocialWorkStation:
		return 3
	}
	return -1
}
