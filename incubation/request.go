package incubation

import "github.com/hubrules/hubrules"

// Request is one firing as JSON, for systems that call the library through
// the CLI: the record, the trigger, the facts and the date.
type Request struct {
	Record  Record        `json:"record"`
	Trigger Trigger       `json:"trigger" validate:"required,enum"`
	Facts   Facts         `json:"facts"`
	Date    hubrules.Date `json:"date" validate:"required"`
}

// DecodeRequest decodes a Request strictly: unknown fields, unknown codes,
// bad facts and a record that disagrees with its history are an
// *hubrules.InputError naming the field.
func DecodeRequest(data []byte) (Request, error) {
	var r Request
	if err := hubrules.DecodeJSON(data, &r); err != nil {
		return Request{}, err
	}
	var p hubrules.Problems
	r.Facts.check(&p, "facts")
	if err := p.Err(); err != nil {
		return Request{}, err
	}
	if len(r.Record.History) == 0 {
		if !sameFields(r.Record, NewRecord(r.Record.Subject)) {
			return Request{}, hubrules.NewInputError(hubrules.FieldError{Path: "record.state", Code: "start", Value: string(r.Record.State),
				Message: hubrules.T("没有历史的记录应处于“已申请”且未设置其他字段", "a record without history must be in applied with no other field set")})
		}
		r.Record.History = []Entry{}
		return r, nil
	}
	rep, err := Replay(r.Record.History)
	if err != nil {
		var q hubrules.Problems
		q.Merge("record", err)
		return Request{}, q.Err()
	}
	if !sameFields(rep, r.Record) {
		return Request{}, hubrules.NewInputError(hubrules.FieldError{Path: "record.state", Code: "replay", Value: string(r.Record.State),
			Message: hubrules.T("记录与其历史重放结果不一致（重放得"+hubrules.Label(rep.State).ZH+"）", "the record differs from the replay of its history (replay gives "+string(rep.State)+")")})
	}
	return r, nil
}

// FireRequest is Fire with the fields of a Request.
func (m *Machine) FireRequest(r Request) (Record, Decision, error) {
	return m.Fire(r.Record, r.Trigger, r.Facts, r.Date)
}

// OverdueAll checks many records on date (INC-PERIOD-01): one check per
// record in incubating or growing (pass, or fail with a finding), not
// applicable for the others. A record in incubating or growing without a
// term on record (a record made by hand) is not passed: it is not
// applicable with a "no record" warning. The report's basis carries the
// date.
func OverdueAll(records []Record, date hubrules.Date) hubrules.Report {
	r := hubrules.Report{Basis: hubrules.Basis{AsOf: date}, Checks: make([]hubrules.Check, 0, len(records)), Findings: []hubrules.Finding{}}
	for i := range records {
		rec := &records[i]
		if rec.State != Incubating && rec.State != Growing {
			r.Checks = append(r.Checks, hubrules.Check{Rule: RulePeriod, Subject: rec.Subject, Outcome: hubrules.NotApplicable})
			continue
		}
		if rec.TermEnd.IsZero() {
			r.Checks = append(r.Checks, hubrules.Check{Rule: RulePeriod, Subject: rec.Subject, Outcome: hubrules.NotApplicable})
			r.Findings = append(r.Findings, hubrules.Finding{Rule: RulePeriod, Severity: hubrules.Warning, Subject: rec.Subject,
				Message: hubrules.T("记录中没有孵化期（入壳日期与届满日期）：无法判断是否逾期，不按未逾期处理", "the record holds no incubation term: whether it is overdue cannot be told, and it is not treated as within its term"),
				Facts:   []hubrules.Fact{{Name: "state", Value: string(rec.State)}, {Name: "term_end", Value: "none"}}})
			continue
		}
		if f, over := Overdue(*rec, date); over {
			r.Checks = append(r.Checks, hubrules.Check{Rule: RulePeriod, Subject: rec.Subject, Outcome: hubrules.Fail})
			r.Findings = append(r.Findings, f)
			continue
		}
		r.Checks = append(r.Checks, hubrules.Check{Rule: RulePeriod, Subject: rec.Subject, Outcome: hubrules.Pass})
	}
	return r
}
