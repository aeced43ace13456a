package pages

import (
	"bytes"
	"embed"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hubrules/hubrules"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/style.css
var styleCSS string

//go:embed assets/try.js
var tryJS []byte

// Config is what the pages run with.
type Config struct {
	// Limits bound every input a page decodes (hubrules.DefaultLimits when
	// MaxBytes is zero).
	Limits hubrules.Limits
	// Samples are the sample inputs "try it" prefills, by kind name
	// ("check sync"); a kind without one starts from an empty input.
	Samples map[string][]byte
	// ReportSample is the hub report form's prefilled input (a ReportInput).
	ReportSample []byte
	// Clock gives the default date of the rule page and the comparison
	// (time.Now).
	Clock func() time.Time
}

// Pages renders the explorer, "try it" and the hub report. It is safe for
// concurrent use.
type Pages struct {
	cfg Config
}

// Route is one page route: a method, a ServeMux path pattern and its
// handler.
type Route struct {
	Method, Path string
	Handler      http.HandlerFunc
}

// pageNames are the templates, each parsed with layout.html.
var pageNames = []string{"index", "rule", "compare", "try", "reportform", "report", "problem"}

// New returns the pages of cfg.
func New(cfg Config) (*Pages, error) {
	if cfg.Limits.MaxBytes <= 0 {
		cfg.Limits = hubrules.DefaultLimits()
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	return &Pages{cfg: cfg}, nil
}

// templates are the pages' templates by name, each parsed with
// layout.html.
var templates = func() map[string]*template.Template {
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		out[name] = template.Must(template.New("layout.html").ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html"))
	}
	return out
}()

// Routes returns the page routes, for hubrules serve to mount.
func (p *Pages) Routes() []Route {
	return []Route{
		{"GET", "/{$}", p.index},
		{"GET", "/rules/{id}", p.rule},
		{"GET", "/compare", p.compare},
		{"GET", "/try", p.tryForm},
		{"POST", "/try", p.tryPost},
		{"GET", "/report", p.reportForm},
		{"POST", "/report", p.reportPost},
		{"GET", "/assets/try.js", p.script},
	}
}

// LangOf returns the language a page request asks for: ?lang=en or
// ?lang=zh (also a form field of that name), else the Accept-Language tag
// of the highest weight among English and Chinese ones, else Chinese.
func LangOf(r *http.Request) hubrules.Lang {
	switch r.URL.Query().Get("lang") {
	case "en":
		return hubrules.EN
	case "zh":
		return hubrules.ZH
	}
	if r.PostForm != nil {
		if v := r.PostForm.Get("lang"); v == "en" || v == "zh" {
			return hubrules.Lang(v)
		}
	}
	type weighted struct {
		lang hubrules.Lang
		q    float64
		pos  int
	}
	var tags []weighted
	for i, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		fields := strings.Split(part, ";")
		tag := strings.ToLower(strings.TrimSpace(fields[0]))
		primary, _, _ := strings.Cut(tag, "-")
		if primary != "en" && primary != "zh" {
			continue
		}
		q := 1.0
		for _, f := range fields[1:] {
			if v, ok := strings.CutPrefix(strings.TrimSpace(f), "q="); ok {
				if n, err := strconv.ParseFloat(v, 64); err == nil {
					q = n
				}
			}
		}
		tags = append(tags, weighted{hubrules.Lang(primary), q, i})
	}
	sort.SliceStable(tags, func(i, j int) bool { return tags[i].q > tags[j].q })
	if len(tags) > 0 && tags[0].q > 0 {
		return tags[0].lang
	}
	return hubrules.ZH
}

// base is what every page's template reads: the language, the title, the
// current section of the navigation and the link to the other language.
type base struct {
	Lang    hubrules.Lang
	Title   string
	Section string
	// Other is the same page in the other language.
	Other string
	// Standalone is a page written to a file (hubrules report --html):
	// no navigation, no links to the service.
	Standalone bool
	CSS        template.CSS
}

func newBase(r *http.Request, lang hubrules.Lang, section string, title hubrules.Text) base {
	b := base{Lang: lang, Section: section, Title: title.In(lang), CSS: template.CSS(styleCSS)}
	if r != nil {
		q := r.URL.Query()
		if lang == hubrules.EN {
			q.Set("lang", "zh")
		} else {
			q.Set("lang", "en")
		}
		b.Other = r.URL.Path + "?" + q.Encode()
	}
	return b
}

// HTMLLang is the page's lang attribute.
func (b base) HTMLLang() string {
	if b.Lang == hubrules.EN {
		return "en"
	}
	return "zh-CN"
}

// L is zh or en, in the page's language.
func (b base) L(zh, en string) string {
	if b.Lang == hubrules.EN {
		return en
	}
	return zh
}

// T is t in the page's language.
func (b base) T(t hubrules.Text) string { return t.In(b.Lang) }

// Link is path with the query pairs kv and, on an English page,
// lang=en.
func (b base) Link(path string, kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	if b.Lang == hubrules.EN {
		q.Set("lang", "en")
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// RuleLink is the page of rule id.
func (b base) RuleLink(id string) string { return b.Link("/rules/" + url.PathEscape(id)) }

// RuleRef is rule id linked to its page, or, on a standalone page, its ID
// alone.
func (b base) RuleRef(id string) template.HTML {
	if b.Standalone {
		return template.HTML("<code>" + template.HTMLEscapeString(id) + "</code>")
	}
	return template.HTML(`<a href="` + template.HTMLEscapeString(b.RuleLink(id)) + `">` + template.HTMLEscapeString(id) + `</a>`)
}

// outcomeMarks are the mark of each outcome: never colour alone.
var outcomeMarks = map[hubrules.Outcome]string{hubrules.Pass: "✔", hubrules.Fail: "✘", hubrules.NotApplicable: "–", hubrules.NotInForce: "⊘"}

// Outcome renders a check's outcome as a mark and a word.
func (b base) Outcome(o hubrules.Outcome) template.HTML {
	return badge("o o-"+string(o), outcomeMarks[o], b.T(o.Name()))
}

// decisionMarks are the mark of each decision outcome.
var decisionMarks = map[hubrules.DecisionOutcome]string{hubrules.OutcomeCompliant: "✔", hubrules.OutcomeWarnings: "!", hubrules.OutcomeFindings: "✘", hubrules.OutcomeRefused: "⊘"}

// Verdict renders a decision's outcome as a mark and a word.
func (b base) Verdict(o hubrules.DecisionOutcome) template.HTML {
	return badge("v v-"+string(o), decisionMarks[o], b.T(o.Name()))
}

// confidenceNames are the badges of the confidences.
var confidenceNames = map[hubrules.Confidence]struct {
	mark string
	name hubrules.Text
}{
	hubrules.Verified:     {"✔", hubrules.T("已核实", "verified")},
	hubrules.Secondary:    {"◐", hubrules.T("二手", "secondary")},
	hubrules.Illustrative: {"◇", hubrules.T("示意", "illustrative")},
}

// Confidence renders a value's confidence badge.
func (b base) Confidence(c hubrules.Confidence) template.HTML {
	n := confidenceNames[c]
	return badge("c c-"+string(c), n.mark, b.T(n.name))
}

// Severity renders a finding's severity.
func (b base) Severity(s hubrules.Severity) template.HTML {
	return badge("s s-"+string(s), map[hubrules.Severity]string{hubrules.Violation: "✘", hubrules.Warning: "!", hubrules.Notice: "ℹ"}[s], b.T(s.Name()))
}

func badge(class, mark, word string) template.HTML {
	return template.HTML(`<span class="` + class + `"><span aria-hidden="true">` + template.HTMLEscapeString(mark) + `</span> ` + template.HTMLEscapeString(word) + `</span>`)
}

// Cite is a source's citation in the page's language.
func (b base) Cite(s hubrules.Source) string { return s.Cite(b.Lang) }

// ProgrammeName is a programme's name and code.
func (b base) ProgrammeName(p hubrules.Programme) string {
	return b.T(p.Name()) + " (" + string(p) + ")"
}

// Programmes lists the programmes.
func (base) Programmes() []hubrules.Programme { return hubrules.Programmes() }

// render writes page name with data, with status, as one buffer (a
// template error never leaves half a page).
func (p *Pages) render(w http.ResponseWriter, status int, name string, lang hubrules.Lang, data any) {
	var buf bytes.Buffer
	if err := templates[name].Execute(&buf, data); err != nil {
		panic(err) // a template bug: serve recovers it as a 500 and logs it
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(lang))
	// Nothing from anywhere else: the pages work offline, and the CSP
	// makes any stray external reference a console error in the browser
	// tests.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func (p *Pages) script(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=3600")
	_, _ = w.Write(tryJS)
}

// problemData is the page of a request the pages cannot answer: what was
// wrong, field by field.
type problemData struct {
	base
	Fields []hubrules.FieldError
}

// fieldsOf returns the fields of an *hubrules.InputError (nil for nil).
func fieldsOf(err error) []hubrules.FieldError {
	var ie *hubrules.InputError
	if errors.As(err, &ie) {
		return ie.Fields
	}
	if err != nil {
		panic(err) // not bad input: a bug, recovered by serve as a 500
	}
	return nil
}

// notFound answers a rule or page that does not exist.
func (p *Pages) notFound(w http.ResponseWriter, r *http.Request, lang hubrules.Lang, err error) {
	p.render(w, http.StatusNotFound, "problem", lang, problemData{base: newBase(r, lang, "", hubrules.T("未找到", "not found")), Fields: fieldsOf(err)})
}
