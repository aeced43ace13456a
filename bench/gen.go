package bench

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// AsOf is the evaluation date of every check in the benchmarks.
var AsOf = hubrules.NewDate(2026, time.June, 30)

// Seed is the fixed seed of the synthetic population.
const Seed = 20261121

// Generate returns n synthetic organizations built from seed, each with an
// event log valid for the six-synchronization check as of AsOf. The mix is
// meant to look like a district register: most links synchronized, a
// minority late, missing or weaker than required.
func Generate(n int, seed uint64) []hub.SyncOrg {
	out := make([]hub.SyncOrg, 0, n)
	GenerateEach(n, seed, func(o *hub.SyncOrg) { out = append(out, *o) })
	return out
}

// GenerateEach calls fn with each of the n organizations Generate(n, seed)
// returns, in order, one at a time: a stream of any length in the memory
// of one organization. fn must not keep the pointer.
func GenerateEach(n int, seed uint64, fn func(*hub.SyncOrg)) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for i := 0; i < n; i++ {
		o := genOrg(r, i)
		fn(&o)
	}
}

type genLog struct {
	ev   []hub.SyncEvent
	seen map[uint64]bool
}

// add appends an event unless one of the same kind on the same day exists
// or it falls after AsOf; it reports whether it was added.
func (g *genLog) add(k hub.SyncEventKind, d hubrules.Date, flag bool) bool {
	if d.After(AsOf) {
		return false
	}
	key := uint64(kindIndex(k))<<32 | uint64(uint32(d.Ordinal()))
	if g.seen[key] {
		return false
	}
	g.seen[key] = true
	e := hub.SyncEvent{Kind: k, Date: d}
	switch k {
	case hub.EventAnnualReportFiled:
		e.PartySection = flag
	case hub.EventEvaluated:
		e.PartyAssessed = flag
	}
	g.ev = append(g.ev, e)
	return true
}

func kindIndex(k hub.SyncEventKind) int {
	for i, kk := range hub.SyncEventKinds() {
		if kk == k {
			return i
		}
	}
	return -1
}

func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

func genOrg(r *rand.Rand, i int) hub.SyncOrg {
	org := hub.SyncOrg{ID: "org-" + strconv.Itoa(i)}
	// Members and party form: 30 % none, 30 % one or two, 40 % three to 40.
	switch x := r.IntN(10); {
	case x < 3:
		org.FormalMembers = hubrules.Ptr(0)
	case x < 6:
		org.FormalMembers = hubrules.Ptr(between(r, 1, 2))
	default:
		org.FormalMembers = hubrules.Ptr(between(r, 3, 40))
	}
	req := requiredForm(*org.FormalMembers)
	org.PartyForm = req
	if req == hubrules.JointBranch && r.IntN(3) == 0 {
		org.PartyForm = hubrules.ActivityBranch
	}
	if r.IntN(100) < 18 { // weaker than required
		switch req {
		case hubrules.OwnBranch:
			org.PartyForm = []hubrules.PartyForm{hubrules.JointBranch, hubrules.Liaison}[r.IntN(2)]
		case hubrules.JointBranch:
			org.PartyForm = hubrules.Liaison
		default:
			org.PartyForm = hubrules.NoPartyForm
		}
	} else if r.IntN(100) < 5 && req != hubrules.OwnBranch { // stronger than required
		org.PartyForm = hubrules.OwnBranch
	}

	g := genLog{seen: make(map[uint64]bool, 64)}
	start := hubrules.NewDate(2012, time.January, 1)
	// SYNC-1: 92 % registered, 5 % filed, 3 % neither.
	var reg hubrules.Date
	switch x := r.IntN(100); {
	case x < 92:
		reg = start.AddDays(r.IntN(4900))
		g.add(hub.EventRegistered, reg, false)
	case x < 97:
		reg = start.AddDays(r.IntN(4900))
		g.add(hub.EventFiled, reg, false)
	}
	if !reg.IsZero() {
		switch x := r.IntN(100); {
		case x < 75: // on time: on the day or up to 60 days before
			g.add(hub.EventWorkPlanSubmitted, reg.AddDays(-between(r, 0, 60)), false)
		case x < 87: // late by 1 to 90 days
			g.add(hub.EventWorkPlanSubmitted, reg.AddDays(between(r, 1, 90)), false)
		}
	}
	// SYNC-2 and SYNC-3: 85 % moved in, up to two years after registering.
	if r.IntN(100) < 85 {
		base := reg
		if base.IsZero() {
			base = start.AddDays(r.IntN(4900))
		}
		mv := base.AddDays(r.IntN(700))
		if mv.After(AsOf) {
			mv = AsOf.AddDays(-r.IntN(30))
		}
		g.add(hub.EventMovedIn, mv, false)
		switch x := r.IntN(100); {
		case x < 70:
			g.add(hub.EventCensusRecorded, mv.AddDays(between(r, 0, 30)), false)
		case x < 82:
			g.add(hub.EventCensusRecorded, mv.AddDays(between(r, 31, 120)), false)
		case x < 90: // only a census from before the move-in, which does not count
			g.add(hub.EventCensusRecorded, mv.AddDays(-between(r, 1, 60)), false)
		}
		// Joint activities in the last eight quarters in the hub (the
		// register keeps two years of them): most quarters one to three,
		// a sloppy fifth of the organizations skip some quarters.
		p := 95
		if r.IntN(5) == 0 {
			p = 70
		}
		from := AsOf.AddMonths(-24)
		if mv.After(from) {
			from = mv
		}
		y, m, _ := from.Date()
		q := hubrules.NewDate(y, time.Month((int(m)-1)/3*3+1), 1)
		for ; !q.After(AsOf); q = q.AddMonths(3) {
			if r.IntN(100) >= p {
				continue
			}
			for k := between(r, 1, 3); k > 0; k-- {
				d := q.AddDays(r.IntN(90))
				if d.Before(mv) {
					d = mv
				}
				g.add(hub.EventJointActivity, d, false)
			}
		}
	}
	if !reg.IsZero() {
		// SYNC-4: one annual report a year after the registration year,
		// filed in April or May (the deadline is 31 May); a careless
		// organization leaves the section out of some, files some in June
		// (late) and skips a year now and then.
		careless := r.IntN(100) < 15
		for y := reg.Year() + 1; y <= AsOf.Year(); y++ {
			d := hubrules.NewDate(y, time.April, 1).AddDays(r.IntN(60))
			if careless {
				switch x := r.IntN(100); {
				case x < 5:
					continue
				case x < 12:
					d = hubrules.NewDate(y, time.June, 1).AddDays(r.IntN(29))
				}
			}
			g.add(hub.EventAnnualReportFiled, d, !careless || r.IntN(100) < 70)
		}
		// SYNC-5: a re-election every five years; the review comes before
		// it (80 %), after it (8 %) or never (12 %).
		prev := reg
		for el := reg.AddYears(5).AddDays(r.IntN(60)); !el.After(AsOf); el = el.AddYears(5).AddDays(r.IntN(60)) {
			g.add(hub.EventBoardReelected, el, false)
			switch x := r.IntN(100); {
			case x < 80:
				if d := el.AddDays(-between(r, 0, 30)); d.After(prev) {
					g.add(hub.EventCandidatesReviewed, d, false)
				}
			case x < 88:
				g.add(hub.EventCandidatesReviewed, el.AddDays(between(r, 1, 20)), false)
			}
			prev = el
		}
		// SYNC-6: zero to three evaluations from two years after registering.
		if first := reg.AddYears(2); first.Before(AsOf) {
			span := AsOf.DaysSince(first)
			for k := r.IntN(4); k > 0; k-- {
				g.add(hub.EventEvaluated, first.AddDays(r.IntN(span+1)), r.IntN(100) < 88)
			}
		}
	}
	slices.SortStableFunc(g.ev, func(a, b hub.SyncEvent) int { return a.Date.Compare(b.Date) })
	org.Events = slices.Clip(g.ev)
	return org
}

// requiredForm is HUB-FORM-01 with the shipped threshold of 3, for the
// generator only (the checks use the library's own).
func requiredForm(n int) hubrules.PartyForm {
	switch {
	case n >= 3:
		return hubrules.OwnBranch
	case n >= 1:
		return hubrules.JointBranch
	}
	return hubrules.Liaison
}

// GenerateLongTail returns n organizations of Generate's mix whose event
// counts follow a long tail, as a register holding every organization's
// history does: 85 % keep 10 to 60 events, 13 % have 100 to 999 and 2 %
// the maximum, hub.MaxSyncEvents. The long logs are organizations with
// years of joint activities (several a month, back to the move-in); the
// rest of each log is Generate's, so the rule mix stays a register's.
// Organizations never moved in keep their own short logs.
func GenerateLongTail(n int, seed uint64) []hub.SyncOrg {
	out := Generate(n, seed)
	r := rand.New(rand.NewPCG(seed^0x5851f42d4c957f2d, seed))
	for i := range out {
		var target int
		switch x := r.IntN(100); {
		case x < 85:
			target = between(r, 10, 60)
		case x < 98:
			// log-uniform from 100 to 999: more of the shorter long logs
			target = int(100 * math.Pow(10, r.Float64()))
		default:
			target = hub.MaxSyncEvents
		}
		lengthen(r, &out[i], min(target, hub.MaxSyncEvents))
	}
	return out
}

// lengthen adds joint activities on random days from org's first move-in
// to AsOf until its log holds target events (or the days run out) and
// sorts the log by date again.
func lengthen(r *rand.Rand, org *hub.SyncOrg, target int) {
	var mv hubrules.Date
	for _, e := range org.Events {
		if e.Kind == hub.EventMovedIn && (mv.IsZero() || e.Date.Before(mv)) {
			mv = e.Date
		}
	}
	if mv.IsZero() || len(org.Events) >= target {
		return
	}
	g := genLog{ev: org.Events, seen: make(map[uint64]bool, target)}
	for _, e := range org.Events {
		g.seen[uint64(kindIndex(e.Kind))<<32|uint64(uint32(e.Date.Ordinal()))] = true
	}
	span := AsOf.DaysSince(mv)
	for tries := 0; len(g.ev) < target && tries < 4*target; tries++ {
		g.add(hub.EventJointActivity, mv.AddDays(r.IntN(span+1)), false)
	}
	slices.SortStableFunc(g.ev, func(a, b hub.SyncEvent) int { return a.Date.Compare(b.Date) })
	org.Events = slices.Clip(g.ev)
}
