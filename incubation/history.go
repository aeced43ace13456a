package incubation

import (
	"strconv"

	"github.com/hubrules/hubrules"
)

// Replay rebuilds a record from its history (INC-HIST-01): it starts from
// applied and applies every fired entry in order. Replay(rec.History) ==
// rec for every record Fire produced.
//
// The history is checked as it is replayed, and every problem is an
// *hubrules.InputError naming the entry: an empty history, a first entry
// that does not start at applied, entries out of date order, an entry whose
// from-state is not the state reached so far, a trigger the state does not
// allow, a fired entry whose to-state is not the machine's, a refused entry
// that moved, a subject that changes, unknown codes.
func Replay(history []Entry) (Record, error) {
	var p hubrules.Problems
	if len(history) == 0 {
		p.Add("history", "required", "", hubrules.T("历史为空", "the history is empty"))
		return Record{}, p.Err()
	}
	rec := NewRecord(history[0].Subject)
	rec.History = make([]Entry, 0, len(history))
	n := 0
	for i := range history {
		n += len(history[i].Criteria)
	}
	crit := make([]Criterion, 0, n) // one backing array for every entry's criteria
	if history[0].From != Applied {
		p.AddField(hubrules.FieldError{Path: "history[0].from", Code: "start", Value: string(history[0].From), Param: string(Applied),
			Message: hubrules.T("历史应从“已申请”（applied）开始", "a history must start at applied")})
	}
	for i := range history {
		e := history[i]
		bad := false
		add := func(field, code, value string, msg hubrules.Text) {
			p.Add(hubrules.Index("history", i)+"."+field, code, value, msg)
			bad = true
		}
		if e.Subject != rec.Subject || e.Subject == "" {
			add("subject", "subject", e.Subject, hubrules.T("历史中的孵化对象不一致或为空", "the subject is empty or differs from the first entry's"))
		}
		if e.Date.IsZero() {
			add("date", "required", "", hubrules.T("缺少日期", "the date is missing"))
		} else if i > 0 && e.Date.Before(history[i-1].Date) {
			p.AddField(hubrules.FieldError{Path: hubrules.Index("history", i) + ".date", Code: "order", Value: e.Date.String(), Param: history[i-1].Date.String(),
				Message: hubrules.T("历史未按日期排序：早于上一条（"+history[i-1].Date.String()+"）", "the history is out of date order: before the previous entry ("+history[i-1].Date.String()+")")})
			bad = true
		}
		if !e.Trigger.Valid() {
			add("trigger", "enum", string(e.Trigger), hubrules.UnknownCode("trigger", string(e.Trigger), e.Trigger))
		}
		if !e.From.Valid() {
			add("from", "enum", string(e.From), hubrules.UnknownCode("from", string(e.From), e.From))
		}
		if !e.To.Valid() {
			add("to", "enum", string(e.To), hubrules.UnknownCode("to", string(e.To), e.To))
		}
		if !e.Outcome.Valid() {
			add("outcome", "enum", string(e.Outcome), hubrules.UnknownCode("outcome", string(e.Outcome), e.Outcome))
		}
		if !e.Programme.Valid() {
			add("programme", "enum", string(e.Programme), hubrules.UnknownCode("programme", string(e.Programme), e.Programme))
		}
		if (e.Mode != "" && !e.Mode.Valid()) || (e.Base != "" && !e.Base.Valid()) || (e.Class != "" && !e.Class.Valid()) {
			add("mode", "enum", "", hubrules.T("入驻方式、基地或分类代码未知", "unknown mode, base or class code"))
		}
		if !bad && i > 0 && e.From != rec.State {
			add("from", "state", string(e.From), hubrules.T("起始状态与重放到此的状态（"+hubrules.Label(rec.State).ZH+"）不符", "the from-state differs from the state replayed so far ("+string(rec.State)+")"))
		}
		if !bad {
			if ed, ok := edge(e.From, e.Trigger); !ok {
				add("trigger", "transition", string(e.Trigger), hubrules.T("该状态不允许此触发", "the state does not allow this trigger"))
			} else if e.Outcome == Fired && e.To != ed.To {
				add("to", "transition", string(e.To), hubrules.T("目标状态应为"+hubrules.Label(ed.To).ZH, "the to-state must be "+string(ed.To)))
			} else if e.Outcome == Refused && e.To != e.From {
				add("to", "refused", string(e.To), hubrules.T("未通过的触发不改变状态", "a refused trigger does not change the state"))
			}
		}
		if bad {
			continue
		}
		if e.Criteria != nil {
			start := len(crit)
			crit = append(crit, e.Criteria...)
			e.Criteria = crit[start:len(crit):len(crit)]
		}
		rec.History = append(rec.History, e)
		rec.apply(&e)
	}
	if err := p.Err(); err != nil {
		return Record{}, err
	}
	return rec, nil
}

// DecodeRecord decodes a record from JSON strictly, validates it and checks
// that its history replays to it (a record whose fields disagree with its
// history is an InputError). A record with no history must be in applied.
func DecodeRecord(data []byte) (Record, error) {
	var r Record
	if err := hubrules.DecodeJSON(data, &r); err != nil {
		return Record{}, err
	}
	if len(r.History) == 0 {
		if !sameFields(r, NewRecord(r.Subject)) {
			return Record{}, hubrules.NewInputError(hubrules.FieldError{Path: "state", Code: "start", Value: string(r.State),
				Message: hubrules.T("没有历史的记录应处于“已申请”且未设置其他字段", "a record without history must be in applied with no other field set")})
		}
		r.History = []Entry{}
		return r, nil
	}
	rep, err := Replay(r.History)
	if err != nil {
		return Record{}, err
	}
	if !sameFields(rep, r) {
		return Record{}, hubrules.NewInputError(hubrules.FieldError{Path: "state", Code: "replay", Value: string(r.State),
			Message: hubrules.T("记录与其历史重放结果不一致（重放得"+hubrules.Label(rep.State).ZH+"）", "the record differs from the replay of its history (replay gives "+string(rep.State)+")")})
	}
	return r, nil
}

// DecodeHistory decodes a JSON array of entries and replays it.
func DecodeHistory(data []byte) ([]Entry, Record, error) {
	var h []Entry
	if err := hubrules.DecodeJSON(data, &h); err != nil {
		return nil, Record{}, err
	}
	rec, err := Replay(h)
	if err != nil {
		return nil, Record{}, err
	}
	return h, rec, nil
}

func sameFields(a, b Record) bool {
	return a.Subject == b.Subject && a.State == b.State && a.Mode == b.Mode && a.Base == b.Base && a.Class == b.Class &&
		a.TermStart == b.TermStart && a.TermEnd == b.TermEnd && a.Extensions == b.Extensions
}

// Overdue reports whether rec is past its term on date (INC-PERIOD-01): in
// incubating or growing, and date after the last day of the term
// (extensions included). It returns a Violation finding with the term's
// last day, the days overdue and the extensions used; and false for every
// other state or a date within the term. It works for any date, not only a
// firing date.
func Overdue(rec Record, date hubrules.Date) (hubrules.Finding, bool) {
	if (rec.State != Incubating && rec.State != Growing) || rec.TermEnd.IsZero() || !date.After(rec.TermEnd) {
		return hubrules.Finding{}, false
	}
	return hubrules.Finding{Rule: RulePeriod, Severity: hubrules.Violation, Subject: rec.Subject,
		Message: hubrules.T("孵化期已届满，既未出壳也未延期", "the incubation term is over without graduation or extension"),
		Facts: []hubrules.Fact{
			{Name: "term_end", Value: rec.TermEnd.String()},
			{Name: "as_of", Value: date.String()},
			{Name: "days_overdue", Value: strconv.Itoa(date.DaysSince(rec.TermEnd))},
			{Name: "extensions_used", Value: strconv.Itoa(rec.Extensions)},
		}}, true
}
