package reliability_test

import (
	"math/rand"
	"strconv"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
)

var partyForms = []hubrules.PartyForm{hubrules.OwnBranch, hubrules.JointBranch, hubrules.ActivityBranch, hubrules.Liaison, hubrules.NoPartyForm}

// randomSyncOrg returns an organization with a random event log: mostly
// well-formed, sometimes with a negative count, an unknown code, a flag on
// the wrong kind, an event after asOf or a duplicate, so that both results
// and input errors come out.
func randomSyncOrg(r *rand.Rand, asOf hubrules.Date) hub.SyncOrg {
	kinds := hub.SyncEventKinds()
	org := hub.SyncOrg{ID: "org-" + strconv.Itoa(r.Intn(1000)), FormalMembers: hubrules.Ptr(r.Intn(12)), PartyForm: partyForms[r.Intn(len(partyForms))]}
	if r.Intn(20) == 0 {
		org.FormalMembers = hubrules.Ptr(-1 - r.Intn(5))
	}
	if r.Intn(30) == 0 {
		org.PartyForm = "cell"
	}
	n := r.Intn(14)
	if n > 0 {
		org.Events = make([]hub.SyncEvent, 0, n)
	}
	start := asOf.AddYears(-4)
	span := start.DaysSince(asOf)
	if span < 0 {
		span = -span
	}
	// Registered on the first day (usually), everything else after it.
	if n > 0 && r.Intn(8) != 0 {
		org.Events = append(org.Events, hub.SyncEvent{Kind: hub.EventRegistered, Date: start})
		n--
	}
	for range n {
		ev := hub.SyncEvent{Kind: kinds[r.Intn(len(kinds))], Date: start.AddDays(1 + r.Intn(span))}
		for (ev.Kind == hub.EventRegistered || ev.Kind == hub.EventFiled) && r.Intn(10) != 0 {
			ev.Kind = kinds[r.Intn(len(kinds))]
		}
		switch r.Intn(40) {
		case 0:
			ev.Date = asOf.AddDays(1 + r.Intn(100))
		case 1:
			ev.Kind = "founded"
		case 2:
			ev.PartySection = true
		case 3:
			ev.PartyAssessed = true
		case 4:
			if len(org.Events) > 0 {
				ev = org.Events[r.Intn(len(org.Events))]
			}
		}
		if ev.Kind == hub.EventAnnualReportFiled {
			ev.PartySection = r.Intn(2) == 0
		}
		if ev.Kind == hub.EventEvaluated {
			ev.PartyAssessed = r.Intn(2) == 0
		}
		if r.Intn(5) == 0 {
			ev.Ref = "ref-" + strconv.Itoa(r.Intn(100))
		}
		org.Events = append(org.Events, ev)
	}
	return org
}

// randomSheet returns a score sheet for one of the grader's sheets with
// random points per item: within the maximum, or now and then outside it.
func randomSheet(r *rand.Rand, g *grading.Grader, i int) grading.ScoreSheet {
	forms := []hubrules.LegalForm{hubrules.SocialGroup, hubrules.SocialServiceInstitution, hubrules.Foundation, hubrules.CommunityOrg}
	lf := forms[r.Intn(len(forms))]
	s := grading.ScoreSheet{Org: "org-" + strconv.Itoa(i), LegalForm: lf, PartyForm: partyForms[r.Intn(len(partyForms))], FormalPartyMembers: hubrules.Ptr(r.Intn(8))}
	p := g.Params()
	sheet := p.Sheet(lf)
	if sheet == nil {
		return s
	}
	for _, ind := range sheet.Indicators {
		for _, it := range ind.Items {
			if it.PartySetup || r.Intn(6) == 0 {
				continue
			}
			pts := hubrules.Points(r.Int63n(int64(it.Max) + 1))
			if r.Intn(50) == 0 {
				pts = it.Max + 10
			}
			s.Scores = append(s.Scores, grading.ItemScore{Item: it.Code, Points: hubrules.Ptr(pts)})
		}
	}
	if r.Intn(3) == 0 {
		systems := grading.Systems()
		s.Systems = append([]grading.System{}, systems[:r.Intn(len(systems)+1)]...)
	}
	return s
}
