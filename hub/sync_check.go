package hub

import (
	"math/bits"
	"strconv"
	"time"

	"github.com/hubrules/hubrules"
)

// Check checks org against the checker's profile as of asOf and returns the
// result of every link with its reasons. Malformed input — an unknown event
// kind or party form, a negative member count, a missing or future date, a
// duplicate event, a flag on the wrong kind, two registrations, an annual
// report, re-election or evaluation dated before the registration — is an
// *hubrules.InputError naming each bad field; a link that was not
// synchronized is a failed link, never an error.
func (c *SyncChecker) Check(org SyncOrg, asOf hubrules.Date) (r SyncResult, err error) {
	err = c.checkZeroed(&r, &org, asOf)
	return r, err
}

// CheckInto is Check writing the result into *dst instead of returning it:
// the same input checks, the same result, but neither the 1.5 KB result nor
// the organization is copied, which matters when checking a whole register
// (reuse one dst for every organization). *dst is overwritten entirely,
// and on error it is left as the zero SyncResult. org is only read. A nil
// dst or org is an *hubrules.InputError.
func (c *SyncChecker) CheckInto(dst *SyncResult, org *SyncOrg, asOf hubrules.Date) error {
	if dst == nil || org == nil {
		if dst != nil {
			*dst = SyncResult{}
		}
		return hubrules.NewInputError(hubrules.FieldError{Code: "required",
			Message: hubrules.T("缺少组织或结果", "the organization or the result is missing (nil)")})
	}
	*dst = SyncResult{}
	return c.checkZeroed(dst, org, asOf)
}

// checkZeroed evaluates into a zero dst and leaves it zero on error.
func (c *SyncChecker) checkZeroed(dst *SyncResult, org *SyncOrg, asOf hubrules.Date) error {
	if err := c.eval(org, asOf, dst); err != nil {
		*dst = SyncResult{}
		return err
	}
	return nil
}

// FailedLinks is the verdict-only path: the set of links that failed, with
// the same input checks as Check but no result built.
func (c *SyncChecker) FailedLinks(org SyncOrg, asOf hubrules.Date) (SyncLinks, error) {
	var r SyncResult
	if err := c.eval(&org, asOf, &r); err != nil {
		return 0, err
	}
	return r.Failed(), nil
}

// syncEv is an event as the links read it: its date, kind index and
// party-building flag (PartySection of an annual report, PartyAssessed of
// an evaluation — validation refuses them on any other kind), 8 bytes in
// place of SyncEvent's 48, so that the links and a SyncBatch stay small.
type syncEv struct {
	Date hubrules.Date
	k    int8
	flag bool
}

// syncScan is what the validating pass over the log gathers for the links.
type syncScan struct {
	reg, moveIn, plan, intvw hubrules.Date
	// regK is the kind index of the first registration or filing.
	regK int8
	// regMembers is SyncOrg.FormalMembersAtRegistration (-1: not given).
	regMembers int32
}

func (c *SyncChecker) eval(org *SyncOrg, asOf hubrules.Date, r *SyncResult) error {
	if c == nil {
		return errSyncChecker()
	}
	c, err := c.at(asOf)
	if err != nil {
		return err
	}
	var p *hubrules.Problems
	if asOf.IsZero() {
		p = syncAdd(p, "as_of", "required", "", msgSyncNoAsOf)
	}
	var small syncSmall
	var buf [syncStackMax]syncEv
	var ev []syncEv
	if len(org.Events) <= syncStackMax {
		ev = buf[:]
	}
	x, large := syncPrepare(&small, len(org.Events), ev)
	var s syncScan
	p = validateSyncOrg(org, asOf, x.ev, &x, &s, p)
	if p == nil {
		p = c.requireRegMembers(&s, p)
	}
	if p == nil {
		c.evalLinks(r, org.ID, *org.FormalMembers, org.PartyForm, &x, &s, asOf) // required, checked above
	}
	syncRelease(large)
	if p != nil {
		return p.Err()
	}
	return nil
}

// requireRegMembers adds the problem of a missing count of formal members
// at registration when SYNC-1 needs it: the profile requires the set-up
// approval, the link is in force and the log holds the registration.
func (c *SyncChecker) requireRegMembers(s *syncScan, p *hubrules.Problems) *hubrules.Problems {
	if c.reqApprov && s.regMembers < 0 && !s.reg.IsZero() && c.links.Has(LinkRegistration) && !c.nif.Has(LinkRegistration) {
		p = syncAdd(p, "formal_members_at_registration", "required", "", msgMissingRegMembers)
	}
	return p
}

var msgMissingRegMembers = hubrules.T("缺少登记时的正式党员数（同步审批党组织设立须按登记当日人数判断；没有时填 0）",
	"formal_members_at_registration is missing: the joint approval of the party organization depends on the count on the day of registration (0 when there were none)")

var msgSyncNoAsOf = hubrules.T("缺少评估日期", "the evaluation date is missing")

func errSyncChecker() error {
	return hubrules.NewInputError(hubrules.FieldError{Code: "required",
		Message: hubrules.T("检查器未初始化，请用 NewSyncChecker 创建", "the checker is not prepared: use NewSyncChecker")})
}

// syncAdd adds a problem to p, allocating it on the first one.
func syncAdd(p *hubrules.Problems, path, code, value string, msg hubrules.Text) *hubrules.Problems {
	if p == nil {
		p = &hubrules.Problems{}
	}
	p.Add(path, code, value, msg)
	return p
}

// validateSyncOrg checks org's fields and events, writes the events in
// packed form to ev (len(ev) == len(org.Events); nil when the log exceeds
// MaxSyncEvents, which is refused before ev is read), chains them in x
// (initialized on ev by the caller) and gathers s. Events after asOf are an error
// unless asOf is zero (SyncBatch.Add, which checks them at check time).
// It returns the problems found, added to p (nil: none).
func validateSyncOrg(org *SyncOrg, asOf hubrules.Date, ev []syncEv, x *syncIndex, s *syncScan, p *hubrules.Problems) *hubrules.Problems {
	add := func(path, code, value string, msg hubrules.Text) { p = syncAdd(p, path, code, value, msg) }
	if org.ID == "" {
		add("id", "required", "", hubrules.T("缺少组织标识 id", "the organization id is missing"))
	} else if len(org.ID) > 200 {
		add("id", "max", org.ID, hubrules.T("组织标识超过 200 字节", "the organization id exceeds 200 bytes"))
	}
	if org.FormalMembers == nil {
		add("formal_members", "required", "", msgMissingMembers)
	} else if *org.FormalMembers < 0 || *org.FormalMembers > 1000000 {
		add("formal_members", "gte", syncItoa(*org.FormalMembers), hubrules.T("正式党员人数须在 0 到 1000000 之间", "the formal member count must be between 0 and 1000000"))
	}
	s.regMembers = -1
	if m := org.FormalMembersAtRegistration; m != nil {
		if *m < 0 || *m > 1000000 {
			add("formal_members_at_registration", "gte", syncItoa(*m), hubrules.T("登记时正式党员人数须在 0 到 1000000 之间", "the formal member count at registration must be between 0 and 1000000"))
		} else {
			s.regMembers = int32(*m)
		}
	}
	if !org.PartyForm.Valid() {
		add("party_form", "enum", string(org.PartyForm), hubrules.UnknownCode("party_form", string(org.PartyForm), org.PartyForm))
	}
	if len(org.Events) > MaxSyncEvents {
		add("events", "max", syncItoa(len(org.Events)), hubrules.T("事件超过 1000 条", "more than 1000 events"))
		return p
	}
	// later is the earliest dated annual report, re-election or
	// evaluation: only when it is before the registration are those
	// events checked one by one for the order error.
	var later hubrules.Date
	var nReg, nFiled int
	events := org.Events
	for i := range events {
		e := &events[i]
		k := e.Kind.index()
		ev[i] = syncEv{Date: e.Date, k: int8(k), flag: e.PartySection || e.PartyAssessed}
		x.add(i, k)
		if k < 0 {
			add(hubrules.Index("events", i)+".kind", "enum", string(e.Kind), hubrules.UnknownCode("kind", string(e.Kind), e.Kind))
		}
		if e.Date.IsZero() {
			add(hubrules.Index("events", i)+".date", "required", "", hubrules.T("事件缺少日期", "the event has no date"))
		} else if !asOf.IsZero() && e.Date.After(asOf) {
			add(hubrules.Index("events", i)+".date", "after_as_of", e.Date.String(), syncAfterAsOf(e.Date, asOf))
		}
		if len(e.Ref) > 200 {
			add(hubrules.Index("events", i)+".ref", "max", e.Ref, hubrules.T("引用超过 200 字节", "the reference exceeds 200 bytes"))
		}
		if e.PartySection && k != syncKAnnualReport {
			add(hubrules.Index("events", i)+".party_section", "kind", string(e.Kind), hubrules.T("只有年度报告事件（annual_report_filed）可以标注 party_section", "only an annual_report_filed event may set party_section"))
		}
		if e.PartyAssessed && k != syncKEvaluated {
			add(hubrules.Index("events", i)+".party_assessed", "kind", string(e.Kind), hubrules.T("只有评估事件（evaluated）可以标注 party_assessed", "only an evaluated event may set party_assessed"))
		}
		if k >= 0 && !e.Date.IsZero() {
			if j := x.duplicate(i, k, e.Date); j >= 0 {
				add(hubrules.Index("events", i), "duplicate", string(e.Kind)+" "+e.Date.String(),
					hubrules.T("与 events["+syncItoa(j)+"] 重复（同一类型、同一日期）", "duplicates events["+syncItoa(j)+"] (same kind and date)"))
			}
		}
		d := e.Date
		switch k {
		case syncKRegistered, syncKFiled:
			if k == syncKRegistered {
				nReg++
				if nReg == 2 {
					add(hubrules.Index("events", i), "once", string(e.Kind), hubrules.T("组织只能登记一次", "an organization is registered only once"))
				}
			} else {
				nFiled++
				if nFiled == 2 {
					add(hubrules.Index("events", i), "once", string(e.Kind), hubrules.T("组织只能备案一次", "an organization is filed only once"))
				}
			}
			if s.reg.IsZero() || d.Before(s.reg) {
				s.reg, s.regK = d, int8(k)
			}
		case syncKMovedIn:
			if s.moveIn.IsZero() || d.Before(s.moveIn) {
				s.moveIn = d
			}
		case syncKWorkPlan:
			if s.plan.IsZero() || d.Before(s.plan) {
				s.plan = d
			}
		case syncKInterview:
			if s.intvw.IsZero() || d.Before(s.intvw) {
				s.intvw = d
			}
		case syncKAnnualReport, syncKReelected, syncKEvaluated:
			if !d.IsZero() && (later.IsZero() || d.Before(later)) {
				later = d
			}
		}
	}
	if !s.reg.IsZero() && !later.IsZero() && later.Before(s.reg) {
		for _, k := range [3]int{syncKAnnualReport, syncKReelected, syncKEvaluated} {
			for i := x.first(k); i >= 0; i = x.after(k, i) {
				if d := ev[i].Date; !d.IsZero() && d.Before(s.reg) {
					add(hubrules.Index("events", i)+".date", "order", d.String(),
						hubrules.T("事件日期 "+d.String()+" 早于组织登记（备案）日期 "+s.reg.String()+"，自相矛盾",
							"the event date "+d.String()+" is before the registration or filing on "+s.reg.String()+", which contradicts it"))
				}
			}
		}
	}
	return p
}

func syncAfterAsOf(d, asOf hubrules.Date) hubrules.Text {
	return hubrules.T("事件日期 "+d.String()+" 晚于评估日期 "+asOf.String(), "the event date "+d.String()+" is after the evaluation date "+asOf.String())
}

// evalLinks evaluates the profile's links on a validated, chained log into r.
func (c *SyncChecker) evalLinks(r *SyncResult, id string, members int, form hubrules.PartyForm, x *syncIndex, s *syncScan, asOf hubrules.Date) {
	r.OrgID, r.Programme, r.Profile, r.AsOf = id, c.basis.Programme, c.params.Profile, asOf
	r.Checked, r.basis, r.unset = c.links, &c.basis, &c.unset
	for i := range r.Links {
		r.Links[i].Link = SyncLink(i + 1)
		if c.nif.Has(SyncLink(i + 1)) {
			r.Links[i].Checked, r.Links[i].Outcome, r.Links[i].Reason = true, hubrules.NotInForce, SyncReasonNotInForce
		}
	}
	live := c.links &^ c.nif
	if live.Has(LinkRegistration) {
		c.sync1(x, s, &r.Links[0])
	}
	if live.Has(LinkMoveIn) {
		c.sync2(x, s, &r.Links[1])
	}
	if live.Has(LinkManagement) {
		c.sync3(members, form, x, s, asOf, &r.Links[2])
	}
	if live.Has(LinkAnnualReport) {
		c.sync4(x, s, asOf, &r.Links[3])
	}
	if live.Has(LinkReelection) {
		sync5(x, &r.Links[4])
	}
	if live.Has(LinkEvaluation) {
		syncFlagged(x, syncKEvaluated, SyncReasonNoEvaluation, SyncReasonNotAssessed, &r.Links[5])
	}
}

func syncItoa(n int) string { return strconv.Itoa(n) }

// finish sets the outcome from the business event and the unmet reasons:
// not applicable with reason na when the business event is not in the log.
func (l *SyncLinkResult) finish(na SyncReason) {
	l.Checked = true
	switch {
	case !l.BusinessSeen:
		l.Outcome, l.Reason, l.Unmet = hubrules.NotApplicable, na, 0
	case l.Unmet == 0:
		l.Outcome, l.Reason = hubrules.Pass, SyncReasonSynchronized
	default:
		l.Outcome = hubrules.Fail
		l.Reason = SyncReason(bits.TrailingZeros32(uint32(l.Unmet)))
	}
}

func (l *SyncLinkResult) anyApplies() bool {
	for i := 0; i < int(l.NEvidence) && i < len(l.Evidence); i++ {
		if l.Evidence[i].Applies {
			return true
		}
	}
	return false
}

// timed fills a timed evidence step: seen at date (zero: not seen), days
// from the business date, met when at most window days after it (or, with
// both, at most window days apart either way).
func (l *SyncLinkResult) timed(kind SyncEventKind, date hubrules.Date, window int, both bool, missing, late SyncReason) {
	e := &l.Evidence[l.NEvidence]
	l.NEvidence++
	*e = SyncEvidence{Kind: kind, Applies: true, Timed: true, WindowDays: int32(window)}
	if date.IsZero() {
		l.Unmet |= 1 << missing
		return
	}
	e.Seen, e.Date = true, date
	days := date.DaysSince(l.BusinessDate)
	e.DaysApart = int32(days)
	if both && days < 0 {
		days = -days
	}
	if days <= window {
		e.Met = true
	} else {
		l.Unmet |= 1 << late
	}
}

// SYNC-1 登记: the business event is the first registration or filing; the
// profile's steps are the work plan (at most PlanMaxDaysAfter days after),
// the legal-representative interview (at most InterviewMaxDaysAfter days
// after) and, from ApprovalMinMembers formal members, the set-up approval
// closest to the registration (at most ApprovalMaxDays apart) — from
// ApprovalMinMembers formal members on the day of the registration
// (s.regMembers, which the check requires then).
func (c *SyncChecker) sync1(x *syncIndex, s *syncScan, l *SyncLinkResult) {
	l.BusinessKind = EventRegistered
	if !s.reg.IsZero() {
		l.BusinessKind, l.BusinessSeen, l.BusinessDate = syncKindList[s.regK], true, s.reg
	}
	if !l.BusinessSeen {
		l.finish(SyncReasonNoRegistration)
		return
	}
	if c.reqPlan {
		l.timed(EventWorkPlanSubmitted, s.plan, c.params.PlanMaxDaysAfter, false, SyncReasonPlanMissing, SyncReasonPlanLate)
	}
	if c.reqIntvw {
		l.timed(EventLegalRepInterviewed, s.intvw, c.params.InterviewMaxDaysAfter, false, SyncReasonInterviewMissing, SyncReasonInterviewLate)
	}
	if c.reqApprov {
		l.FormalMembersAtRegistration = s.regMembers
		if int(s.regMembers) < c.params.ApprovalMinMembers {
			l.Evidence[l.NEvidence] = SyncEvidence{Kind: EventPartyOrgApproved, Timed: true, WindowDays: int32(c.params.ApprovalMaxDays)}
			l.NEvidence++
		} else {
			var best hubrules.Date
			bestDist := 0
			for i := x.first(syncKApproved); i >= 0; i = x.after(syncKApproved, i) {
				e := &x.ev[i]
				dist := e.Date.DaysSince(s.reg)
				if dist < 0 {
					dist = -dist
				}
				if best.IsZero() || dist < bestDist || dist == bestDist && e.Date.Before(best) {
					best, bestDist = e.Date, dist
				}
			}
			l.timed(EventPartyOrgApproved, best, c.params.ApprovalMaxDays, true, SyncReasonApprovalMissing, SyncReasonApprovalNotTogether)
		}
	}
	l.finish(SyncReasonNoRegistration)
	if !l.anyApplies() {
		// Only the set-up approval is required and the organization has
		// too few formal members for it.
		l.Outcome, l.Reason = hubrules.NotApplicable, SyncReasonBelowApprovalMembers
	}
}

// SYNC-2 入驻: the first move-in and the first census on or after it (a
// census before the move-in describes the organization before it was in
// the hub and does not count).
func (c *SyncChecker) sync2(x *syncIndex, s *syncScan, l *SyncLinkResult) {
	l.BusinessKind = EventMovedIn
	if s.moveIn.IsZero() {
		l.finish(SyncReasonNoMoveIn)
		return
	}
	l.BusinessSeen, l.BusinessDate = true, s.moveIn
	var census hubrules.Date
	for i := x.first(syncKCensus); i >= 0; i = x.after(syncKCensus, i) {
		e := &x.ev[i]
		if !e.Date.Before(s.moveIn) && (census.IsZero() || e.Date.Before(census)) {
			census = e.Date
		}
	}
	l.timed(EventCensusRecorded, census, c.params.CensusMaxDays, false, SyncReasonCensusMissing, SyncReasonCensusLate)
	l.finish(SyncReasonNoMoveIn)
}

func syncQuarter(d hubrules.Date) int {
	y, m, _ := d.Date()
	return y*4 + (int(m)-1)/3
}

func syncQuarterStart(q int) hubrules.Date {
	y, r := q/4, q%4
	if r < 0 {
		y, r = y-1, r+4
	}
	return hubrules.NewDate(y, time.Month(r*3+1), 1)
}

// syncQuarterDays returns the length of quarter q in days.
func syncQuarterDays(q int) int {
	y, r := q/4, q%4
	if r < 0 {
		y, r = y-1, r+4
	}
	switch r {
	case 0:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 91
		}
		return 90
	case 1:
		return 91
	}
	return 92
}

// syncWindow holds the start days of the last QuartersReviewed complete
// quarters before an evaluation date, in order; element QuartersReviewed
// is the day after the last of them.
type syncWindow [41]hubrules.Date

func (w *syncWindow) init(asOf hubrules.Date, qr int) {
	qLast := syncQuarter(asOf)
	end := syncQuarterStart(qLast)
	if next := end.AddDays(syncQuarterDays(qLast)); next == asOf.AddDays(1) {
		end = next // the evaluation date closes its quarter
	} else {
		qLast-- // the evaluation date's quarter is not complete yet
	}
	w[qr] = end
	for i := qr - 1; i >= 0; i-- {
		w[i] = w[i+1].AddDays(-syncQuarterDays(qLast - (qr - 1 - i)))
	}
}

// SYNC-3 管理: from the first move-in, coverage in place today and at least
// MinJointPerQuarter joint activities in each of the last QuartersReviewed
// complete calendar quarters that began on or after the move-in and ended
// on or before the evaluation date.
func (c *SyncChecker) sync3(members int, form hubrules.PartyForm, x *syncIndex, s *syncScan, asOf hubrules.Date, l *SyncLinkResult) {
	l.BusinessKind = EventMovedIn
	if s.moveIn.IsZero() {
		l.finish(SyncReasonNoMoveIn)
		return
	}
	l.FormalMembers, l.PartyForm = int32(members), form
	l.MinPerQuarter = int32(c.params.MinJointPerQuarter)
	l.BusinessSeen, l.BusinessDate = true, s.moveIn
	l.RequiredForm = hubrules.RequiredPartyForm(members, c.params.OwnBranchMinMembers)
	if form.Strength() < l.RequiredForm.Strength() {
		l.Unmet |= 1 << SyncReasonCoverageShort
	}
	// The window depends on the evaluation date alone: the checker holds
	// it for its own date, the usual evaluation date of a register.
	qr := c.params.QuartersReviewed
	win := &c.win
	if asOf != c.winAsOf {
		var w syncWindow
		w.init(asOf, qr)
		win = &w
	}
	// Reviewed are the window's quarters that start on or after the
	// move-in: a day-number comparison, no calendar conversion.
	first := 0
	for first < qr && win[first].Before(s.moveIn) {
		first++
	}
	e := &l.Evidence[0]
	l.NEvidence = 1
	*e = SyncEvidence{Kind: EventJointActivity}
	if first == qr {
		l.finish(SyncReasonNoMoveIn)
		return
	}
	var counts [40]uint16
	starts := win[first : qr+1]
	n := qr - first
	l.QuartersChecked = int32(n)
	e.Applies = true
	for i := x.first(syncKJoint); i >= 0; i = x.after(syncKJoint, i) {
		ev := &x.ev[i]
		if ev.Date.Before(starts[0]) || !ev.Date.Before(starts[n]) {
			continue
		}
		q := ev.Date.DaysSince(starts[0]) / 92 // quarters are 90 to 92 days long
		for q+1 < n && !ev.Date.Before(starts[q+1]) {
			q++
		}
		if counts[q] < 0xffff {
			counts[q]++
		}
		e.Seen = true
		if ev.Date.After(e.Date) {
			e.Date = ev.Date
		}
	}
	for i := 0; i < n; i++ {
		if int(counts[i]) < c.params.MinJointPerQuarter {
			if l.QuartersShort == 0 {
				l.FirstShortQuarter = starts[i]
			}
			l.QuartersShort++
		}
	}
	if l.QuartersShort > 0 {
		l.Unmet |= 1 << SyncReasonActivitiesShort
	} else {
		e.Met = true
	}
	l.finish(SyncReasonNoMoveIn)
}

// syncFlagged checks SYNC-6: every event of kind must carry its
// party-building flag. The link shows the first failing event, else the
// latest.
func syncFlagged(x *syncIndex, k int, na, unmet SyncReason, l *SyncLinkResult) {
	kind := EventEvaluated
	l.BusinessKind = kind
	var latest, firstBad hubrules.Date
	for i := x.first(k); i >= 0; i = x.after(k, i) {
		e := &x.ev[i]
		l.BusinessCount++
		if !e.flag {
			l.BusinessFailing++
			if firstBad.IsZero() || e.Date.Before(firstBad) {
				firstBad = e.Date
			}
		}
		if e.Date.After(latest) {
			latest = e.Date
		}
	}
	if l.BusinessCount == 0 {
		l.finish(na)
		return
	}
	l.BusinessSeen = true
	ev := &l.Evidence[0]
	l.NEvidence = 1
	*ev = SyncEvidence{Kind: kind, Applies: true, Timed: true}
	if l.BusinessFailing > 0 {
		l.BusinessDate = firstBad
		l.Unmet |= 1 << unmet
	} else {
		l.BusinessDate = latest
		ev.Seen, ev.Date, ev.Met = true, latest, true
	}
	l.finish(na)
}

// sync5 checks SYNC-5 换届: each re-election needs a candidate review dated
// on or before it and after the previous re-election. The link shows the
// first re-election without one (with a review after it, if any, as late),
// else the latest with its review.
func sync5(x *syncIndex, l *SyncLinkResult) {
	l.BusinessKind = EventBoardReelected
	// In date order the re-elections' neighbours are the previous and
	// next ones (validation refuses two on one day), and the reviews on or
	// before each re-election are a prefix of the sorted reviews that one
	// pointer walks: a sort and a merge, not a scan per re-election.
	els := x.sortedDates(syncKReelected, x.dates)
	reviews := x.sortedDates(syncKReviewed, x.dates[len(els):])
	var zero hubrules.Date
	var t sync5Tally
	p := 0 // reviews[:p] are on or before el
	for i, el := range els {
		// A date before the zero Date is never a previous re-election or a
		// review, as when each re-election scanned the log from the zero
		// Date up.
		var prev, next hubrules.Date
		if i > 0 && els[i-1].After(zero) {
			prev = els[i-1]
		}
		if i+1 < len(els) {
			next = els[i+1]
		}
		for p < len(reviews) && !reviews[p].After(el) {
			p++
		}
		var review, late hubrules.Date
		if p > 0 {
			if d := reviews[p-1]; d.After(zero) && (prev.IsZero() || d.After(prev)) {
				review = d
			}
		}
		if p < len(reviews) {
			if d := reviews[p]; next.IsZero() || !d.After(next) {
				late = d
			}
		}
		t.add(l, el, review, late)
	}
	t.finish(l)
}

// sync5Tally counts SYNC-5's re-elections into the link, each with the
// review found for it (zero: none) or else the first one after it (late).
type sync5Tally struct{ firstBad, badLate, shownReview hubrules.Date }

func (t *sync5Tally) add(l *SyncLinkResult, el, review, late hubrules.Date) {
	l.BusinessCount++
	if review.IsZero() {
		l.BusinessFailing++
		if t.firstBad.IsZero() || el.Before(t.firstBad) {
			t.firstBad, t.badLate = el, late
		}
		if late.IsZero() {
			l.Unmet |= 1 << SyncReasonReviewMissing
		} else {
			l.Unmet |= 1 << SyncReasonReviewAfterElection
		}
	} else if el.After(l.BusinessDate) && l.BusinessFailing == 0 {
		l.BusinessDate, t.shownReview = el, review
	}
}

// finish completes the link once every re-election is counted: the first
// failing re-election with its late review (if any), else the latest one
// with its review.
func (t *sync5Tally) finish(l *SyncLinkResult) {
	firstBad, badLate, shownReview := t.firstBad, t.badLate, t.shownReview
	if l.BusinessCount == 0 {
		l.finish(SyncReasonNoReelection)
		return
	}
	l.BusinessSeen = true
	e := &l.Evidence[0]
	l.NEvidence = 1
	*e = SyncEvidence{Kind: EventCandidatesReviewed, Applies: true, Timed: true}
	if l.BusinessFailing > 0 {
		l.BusinessDate = firstBad
		if !badLate.IsZero() {
			e.Seen, e.Date, e.DaysApart = true, badLate, int32(badLate.DaysSince(firstBad))
		}
	} else {
		e.Seen, e.Date, e.Met = true, shownReview, true
		e.DaysApart = int32(shownReview.DaysSince(l.BusinessDate))
	}
	l.finish(SyncReasonNoReelection)
}

// Kind indexes (SyncEventKind.index).
const (
	syncKRegistered = iota
	syncKFiled
	syncKMovedIn
	syncKWorkPlan
	syncKInterview
	syncKApproved
	syncKCensus
	syncKJoint
	syncKAnnualReport
	syncKReelected
	syncKReviewed
	syncKEvaluated
	syncKinds
)
