package pages

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// tryData is the "try it" page: the form, and after a POST the explained
// decision with its JSON.
type tryData struct {
	base
	Kinds     []kinds.Kind
	Kind      string
	Summary   hubrules.Text
	Programme hubrules.Programme
	Date      string
	Input     string
	Fields    []hubrules.FieldError
	Decision  *hubrules.Decision
	JSON      string
	// Found are the decision's findings.
	Found []hubrules.Finding
}

// FactsOf renders a finding's facts as name=value, joined.
func (base) FactsOf(f hubrules.Finding) string {
	var s []string
	for _, fact := range f.Facts {
		s = append(s, fact.String())
	}
	return strings.Join(s, ", ")
}

// Citation is a finding's citation in the page's language.
func (b base) Citation(f hubrules.Finding) string { return b.T(f.Citation()) }

func (p *Pages) newTry(r *http.Request, lang hubrules.Lang) tryData {
	return tryData{base: newBase(r, lang, "try", hubrules.T("试算", "Try a decision")), Kinds: kinds.All(),
		Kind: "check sync", Programme: hubrules.Kaixuan, Date: "2024-12-31"}
}

// tryForm answers GET /try?kind=&programme=&date=: the form, with the
// kind's sample input.
func (p *Pages) tryForm(w http.ResponseWriter, r *http.Request) {
	lang := LangOf(r)
	d := p.newTry(r, lang)
	q := r.URL.Query()
	var probs hubrules.Problems
	if v := q.Get("kind"); v != "" {
		if _, err := kinds.Find(v); err != nil {
			probs.Merge("", err)
		} else {
			d.Kind = strings.ReplaceAll(v, "-", " ")
		}
	}
	d.Programme = programmeParam(r, "programme", d.Programme, &probs)
	if v := q.Get("date"); v != "" {
		d.Date = p.dateParam(r, "date", hubrules.Date{}, &probs).String()
	}
	k, _ := kinds.Lookup(d.Kind)
	d.Summary = k.Summary
	d.Input = p.sample(k)
	d.Fields = fieldsOf(probs.Err())
	p.render(w, statusOf(d.Fields), "try", lang, d)
}

// sample is kind k's sample input as the form shows it: with its personal
// fields removed, indented.
func (p *Pages) sample(k kinds.Kind) string {
	raw, ok := p.cfg.Samples[k.Name]
	if !ok {
		return "{}"
	}
	in := k.Input()
	if err := hubrules.DecodeJSONLimited(raw, in, p.cfg.Limits); err != nil {
		return "{}"
	}
	return indentJSON(hubrules.Mask(in, hubrules.MaskRemove, nil))
}

func indentJSON(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return b.String()
}

// formInput reads a page form (urlencoded or multipart) within the
// limits, and returns its input: the uploaded file of field "file" when
// one was chosen, else the text of field "input".
func (p *Pages) formInput(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	limit := int64(p.cfg.Limits.MaxBytes)
	r.Body = http.MaxBytesReader(w, r.Body, limit+64<<10)
	var err error
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "multipart/form-data" {
		err = r.ParseMultipartForm(1 << 20)
	} else {
		err = r.ParseForm()
	}
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return nil, tooLarge(p.cfg.Limits.MaxBytes)
	case err != nil:
		return nil, hubrules.NewInputError(hubrules.FieldError{Path: "form", Code: "syntax",
			Message: hubrules.T("表单无法读取", "the form cannot be read")})
	}
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File["file"]; len(fhs) > 0 && fhs[0].Size > 0 {
			f, err := fhs[0].Open()
			if err != nil {
				return nil, hubrules.NewInputError(hubrules.FieldError{Path: "file", Code: "read",
					Message: hubrules.T("上传的文件无法读取", "the uploaded file cannot be read")})
			}
			defer f.Close()
			data, _ := io.ReadAll(io.LimitReader(f, limit+1))
			if len(data) > int(limit) {
				return nil, tooLarge(p.cfg.Limits.MaxBytes)
			}
			return data, nil
		}
	}
	return []byte(r.PostFormValue("input")), nil
}

// inputOnly is err when it is bad input (or nil); any other error is a
// bug, recovered by serve as a 500.
func inputOnly(err error) error {
	var ie *hubrules.InputError
	if err != nil && !errors.As(err, &ie) {
		panic(err)
	}
	return err
}

func itoa(n int) string { return strconv.Itoa(n) }

func tooLarge(limit int) error {
	return hubrules.NewInputError(hubrules.FieldError{Path: "input", Code: "max_bytes",
		Message: hubrules.T("输入超过大小上限 "+itoa(limit)+" 字节", "the input exceeds the size limit of "+itoa(limit)+" bytes")})
}

// formEnv reads the programme and the date of a posted form.
func formEnv(r *http.Request, probs *hubrules.Problems) kinds.Env {
	env := kinds.Env{DateSource: hubrules.DateFromCaller}
	prog, err := hubrules.ParseProgramme("programme", r.PostFormValue("programme"))
	probs.Merge("", err)
	env.Programme = prog
	v := strings.TrimSpace(r.PostFormValue("date"))
	d, err := hubrules.ParseDate(v)
	if err != nil {
		probs.Add("date", "date", v, hubrules.T("评估日期应写作 YYYY-MM-DD："+v, "the evaluation date must be YYYY-MM-DD: "+v))
	}
	env.Date = d
	return env
}

// tryPost answers POST /try: the decision of the posted input, rendered
// and as JSON (its personal fields removed), or the field errors.
func (p *Pages) tryPost(w http.ResponseWriter, r *http.Request) {
	data, err := p.formInput(w, r)
	lang := LangOf(r)
	d := p.newTry(r, lang)
	var probs hubrules.Problems
	probs.Merge("", err)
	d.Input = string(data)
	k, kerr := kinds.Find(r.PostFormValue("kind"))
	probs.Merge("", kerr)
	if kerr == nil {
		d.Kind, d.Summary = k.Name, k.Summary
	}
	env := formEnv(r, &probs)
	d.Programme, d.Date = env.Programme, r.PostFormValue("date")
	if probs.Len() == 0 {
		in := k.Input()
		err = hubrules.DecodeJSONLimited(data, in, p.cfg.Limits)
		var o kinds.Outcome
		if err == nil {
			o, err = k.Eval(env, in)
		}
		if err == nil {
			dec := hubrules.Mask(k.Decision(env, o), hubrules.MaskRemove, nil)
			d.Decision, d.Found = &dec, dec.Findings
			d.JSON = indentJSON(dec)
			d.Input = indentJSON(hubrules.Mask(in, hubrules.MaskRemove, nil))
		}
		probs.Merge("", inputOnly(err))
	}
	d.Fields = fieldsOf(probs.Err())
	p.render(w, statusOf(d.Fields), "try", lang, d)
}
