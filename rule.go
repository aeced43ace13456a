package hubrules

import (
	"net/url"
	"sort"
	"strings"
)

// Source says where a rule or a parameter value comes from, so that a
// policy officer can open the text and read the sentence: a regulation
// (title, issuing body, document number, article, dates, the place it
// governs) or a published article (title, authors, publication and issue,
// the section or paragraph). The rule catalogue in docs/rules.md prints
// every Source of the library.
type Source struct {
	// Title is the document's title in Chinese, in 《》 where it has one,
	// with an English gloss (e.g. 《社会组织评估管理办法》, "Measures for the
	// Evaluation of Social Organizations"). A title in 〔〕 is supplied by
	// us: the copy we hold carries no headline.
	Title Text `json:"title" yaml:"title"`
	// Issuer is the issuing body of a regulation or standard (民政部), or the
	// authors of an article.
	Issuer string `json:"issuer,omitempty" yaml:"issuer,omitempty" validate:"max=300"`
	// Number is the document number (民政部令第39号, 中办发〔2015〕51号,
	// DB3301/T 0346—2021) or an article's journal number.
	Number string `json:"number,omitempty" yaml:"number,omitempty" validate:"max=200"`
	// Publication names the journal, newspaper or site and issue an article
	// appeared in; empty for a regulation.
	Publication string `json:"publication,omitempty" yaml:"publication,omitempty" validate:"max=300"`
	// Article locates the rule inside the document: article, clause,
	// section or paragraph (第二十八条, 6.1, 第二部分第（三）段).
	Article string `json:"article,omitempty" yaml:"article,omitempty" validate:"max=300"`
	// Issued and InForce are the dates the document was issued and took
	// effect, written YYYY-MM-DD, or YYYY-MM / YYYY where the day is not known.
	Issued  string `json:"issued,omitempty" yaml:"issued,omitempty" validate:"max=10"`
	InForce string `json:"in_force,omitempty" yaml:"in_force,omitempty" validate:"max=10"`
	// Place is where the document governs or reports from: 全国 for a
	// national text, else the place from province down (上海市, 江苏省南京市,
	// 安徽省合肥市蜀山区西园街道). A figure whose Place does not contain a
	// programme's place is, for that programme, illustrative (Governs).
	Place string `json:"place,omitempty" yaml:"place,omitempty" validate:"max=100"`
	// URL is an address of the text on the issuer's own site, only on a host
	// OfficialHost accepts; empty otherwise.
	URL string `json:"url,omitempty" yaml:"url,omitempty" validate:"max=500"`
	// Note says what a reader should know about the citation: which reading
	// of an ambiguous text was taken, whose figure it is.
	Note string `json:"note,omitempty" yaml:"note,omitempty" validate:"max=1000"`

	// Document and Clause are the fields of the first source format (a title
	// or file name, and a clause). They are still read, as Title.ZH and
	// Article (see Normalize); the shipped data no longer uses them.
	Document string `json:"document,omitempty" yaml:"document,omitempty" validate:"max=300"`
	Clause   string `json:"clause,omitempty" yaml:"clause,omitempty" validate:"max=300"`
}

// PlaceNational is the Place of a national text.
const PlaceNational = "全国"

// Normalize returns s with the fields of the first source format moved to
// their structured places: Document to Title.ZH (when no title is given)
// and Clause to Article (when no article is given).
func (s Source) Normalize() Source {
	if s.Title.ZH == "" && s.Document != "" {
		s.Title.ZH = s.Document
	}
	if s.Article == "" && s.Clause != "" {
		s.Article = s.Clause
	}
	s.Document, s.Clause = "", ""
	return s
}

// At returns s with Article set to article: the same document, another
// place in it.
func (s Source) At(article string) Source {
	s.Article = article
	return s
}

// IsZero reports whether s names no document.
func (s Source) IsZero() bool { return s.Title.IsZero() && s.Document == "" }

// String returns the citation in Chinese (Cite(ZH)).
func (s Source) String() string { return s.Cite(ZH) }

// Cite renders the citation on one line: in Chinese
// 《社会组织评估管理办法》（民政部令第39号）第二十八条; an article as
// 《title》（authors，publication）section. In English the gloss leads and the
// Chinese title follows in brackets, so that the text can still be found.
func (s Source) Cite(lang Lang) string {
	s = s.Normalize()
	var paren []string
	if s.Issuer != "" && s.Publication != "" {
		paren = append(paren, s.Issuer)
	}
	if s.Publication != "" {
		paren = append(paren, s.Publication)
	}
	if s.Number != "" {
		paren = append(paren, s.Number)
	}
	if lang == EN {
		title := s.Title.ZH
		if s.Title.EN != "" {
			title = s.Title.EN + " (" + s.Title.ZH + ")"
		}
		if s.Issuer != "" && s.Publication == "" {
			title = s.Issuer + ", " + title
		}
		out := title
		if len(paren) > 0 {
			out += " [" + strings.Join(paren, ", ") + "]"
		}
		if s.Article != "" {
			out += ", " + s.Article
		}
		return out
	}
	out := s.Title.ZH
	if s.Issuer != "" && s.Publication == "" && !strings.HasPrefix(s.Title.ZH, s.Issuer) {
		out = s.Issuer + out
	}
	if len(paren) > 0 {
		out += "（" + strings.Join(paren, "，") + "）"
	}
	return out + s.Article
}

// Short renders the citation as a finding names it: the title, the
// document number and the article, without issuer, publication or quoted
// wording (e.g. 《社会组织评估管理办法》（民政部令第39号）第二十八条).
func (s Source) Short(lang Lang) string {
	s = s.Normalize()
	art := s.Article
	if i := strings.Index(art, "："); i > 0 {
		art = art[:i]
	}
	if lang == EN {
		out := s.Title.ZH
		if s.Title.EN != "" {
			out = s.Title.EN
		}
		if s.Number != "" && s.Publication == "" {
			out += " (" + s.Number + ")"
		}
		if art != "" {
			out += ", " + art
		}
		return out
	}
	out := s.Title.ZH
	if s.Number != "" && s.Publication == "" {
		out += "（" + s.Number + "）"
	}
	return out + art
}

// Governs reports whether a figure from s may stand for programme p as its
// own rule: a national text governs every programme; a local text governs
// the programmes whose place lies inside its Place (a Shanghai text governs
// jingan, a Nanjing text governs none of the five programmes, and no local
// text governs the national base). A source without a Place is taken as
// national.
func (s Source) Governs(p Programme) bool {
	if s.Place == "" || s.Place == PlaceNational {
		return true
	}
	return strings.HasPrefix(p.Place(), s.Place)
}

// officialHosts are the hosts (and their subdomains) a Source's URL may
// name: the issuers' own sites. Every other address, however faithful a
// copy, is a mirror a policy officer cannot defend.
var officialHosts = []string{
	"gov.cn",        // every government host: 中国政府网, ministries, provinces, cities, districts
	"12371.cn",      // 共产党员网, the Organization Department's site
	"people.com.cn", // 人民网 and 中国共产党新闻网 (dangjian.people.com.cn), the party newspaper's site
}

// OfficialHosts returns the hosts (with their subdomains) a Source's URL may
// name, for documentation and checks.
func OfficialHosts() []string { return append([]string(nil), officialHosts...) }

// OfficialHost reports whether raw is an http(s) address on one of the
// official hosts (OfficialHosts) or a subdomain of one.
func OfficialHost(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	host := strings.ToLower(u.Hostname())
	for _, h := range officialHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// Seed returns the citation of the published article a programme's rules
// come from, at section (where in the article the rule is stated). The five
// articles are cited with the bibliographic data the copies carry; a field
// the copy does not give is left empty rather than guessed. National has
// no seed and returns the zero Source.
func Seed(p Programme, section string) Source {
	var s Source
	switch p {
	case Lujiazui:
		s = Source{Title: T("〔陆家嘴社区阳光驿站社会化转型〕", "[the social transformation of the Lujiazui Sunshine Station]"),
			Issuer:      "课题组（邱素琴、王云芝、史菁）",
			Publication: "《上海党史与党建》2017年第3期，第56—59页",
			Number:      "文章编号 1009-928X(2017)03-0056-04",
			Issued:      "2017-03", Place: "上海市浦东新区陆家嘴街道",
			Note: "题名据摘要拟定：所存副本无标题。a supplied title: the copy we hold has none."}
	case Jingan:
		s = Source{Title: T("〔党建引领下静安区社会组织参与社会治理〕", "[social organizations in Jing'an's social governance under party leadership]"),
			Issuer: "上海市静安区（文中自称“我区”，未署部门）", Issued: "2019", Place: "上海市静安区",
			Note: "所存副本为网络转载，无标题、作者、刊期；年份据文中2018年数据推定。a web repost without headline, author or issue; the year is inferred from its 2018 figures."}
	case Wuliqiao:
		s = Source{Title: T("一个街道为何能出现6家“5A”社会组织？", "Why can one street have six 5A social organizations?"),
			Publication: "《公益时报》2017年6月6日，地方动态（据《中国社会组织》，有删节）",
			Issued:      "2017-06-06", Place: "上海市黄浦区五里桥街道"}
	case Kaixuan:
		s = Source{Title: T("〔凯旋街道“凯益荟”社会组织“红色孵化器”〕", "[the Kaiyihui \"red incubator\" of Kaixuan street]"),
			Issuer:      "中共杭州市上城区凯旋街道工作委员会",
			Publication: "人民网—中国共产党新闻网，2024年10月12日",
			Issued:      "2024-10-12", Place: "浙江省杭州市上城区凯旋街道",
			URL:  "http://dangjian.people.com.cn/n1/2024/1012/c458448-40337839.html",
			Note: "所存副本无标题。the copy we hold has no headline."}
	case Xiyuan:
		s = Source{Title: T("〔合肥市蜀山区西园街道服务型党组织建设〕", "[building service-oriented party organizations in Xiyuan street, Shushan, Hefei]"),
			Issuer: "（未署名案例材料）", Issued: "2014", Place: "安徽省合肥市蜀山区西园街道",
			Note: "所存副本无标题、作者、出处；年份据文中“以2013年为例”推定。the copy has no headline, author or outlet; the year is inferred from \"take 2013\"."}
	default:
		return Source{}
	}
	s.Article = section
	return s
}

// Rule is one entry of the rule catalogue (docs/rules.md): a stable ID that
// the code, tests, findings and docs share, a bilingual title saying what
// the rule decides, its source and the names of the parameters it reads.
type Rule struct {
	ID      string   `json:"id"`
	Package string   `json:"package"`
	Title   Text     `json:"title"`
	Source  Source   `json:"source"`
	Params  []string `json:"params,omitempty"`
}

// Catalogue is a list of rules with lookup by ID. Each rule package exposes
// its own (hub.Rules(), …); Join merges them for the CLI and the docs.
type Catalogue []Rule

// Lookup returns the rule with id.
func (c Catalogue) Lookup(id string) (Rule, bool) {
	for _, r := range c {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Join returns the rules of all catalogues sorted by ID.
func Join(cats ...Catalogue) Catalogue {
	var out Catalogue
	for _, c := range cats {
		out = append(out, c...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// WithNote returns s with Note set to note.
func (s Source) WithNote(note string) Source {
	s.Note = note
	return s
}
