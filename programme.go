package hubrules

// Programme is the key of a profile: one of the five programmes
// (docs/rules.md), or the national base whose parameters every programme
// inherits unless it sets its own. Its JSON form is the lower-case key.
type Programme string

// The programmes. Each is a named, dated set of parameters for every rule
// package; a programme without a value of its own for a parameter uses
// National's.
const (
	// National is the base profile: national regulations (party
	// constitution, branch work regulations, evaluation measures).
	National Programme = "national"
	// Lujiazui is 陆家嘴社区阳光驿站公益服务社 (Shanghai, Pudong).
	Lujiazui Programme = "lujiazui"
	// Jingan is 静安区枢纽型党建 (Shanghai, Jing'an district).
	Jingan Programme = "jingan"
	// Wuliqiao is 五里桥社区社会组织服务中心 (Shanghai, Huangpu).
	Wuliqiao Programme = "wuliqiao"
	// Kaixuan is 凯益荟 "红色孵化器" (Hangzhou, Shangcheng, Kaixuan street).
	Kaixuan Programme = "kaixuan"
	// Xiyuan is 西园街道 "两委两站" / "三社联动" (Hefei, Shushan).
	Xiyuan Programme = "xiyuan"
)

// Programmes lists every programme, National first.
func Programmes() []Programme {
	return []Programme{National, Lujiazui, Jingan, Wuliqiao, Kaixuan, Xiyuan}
}

// Valid reports whether p is one of the known programmes.
func (p Programme) Valid() bool {
	switch p {
	case National, Lujiazui, Jingan, Wuliqiao, Kaixuan, Xiyuan:
		return true
	}
	return false
}

// Name returns the programme's name in Chinese and English.
func (p Programme) Name() Text {
	switch p {
	case National:
		return T("全国基准", "national base")
	case Lujiazui:
		return T("陆家嘴社区阳光驿站公益服务社", "Lujiazui Sunshine Station")
	case Jingan:
		return T("静安区枢纽型党建", "Jing'an district hub-type party building")
	case Wuliqiao:
		return T("五里桥社区社会组织服务中心", "Wuliqiao community social-organization service centre")
	case Kaixuan:
		return T("凯益荟红色孵化器", "Kaixuan 'red incubator' (Kaiyihui)")
	case Xiyuan:
		return T("西园街道两委两站", "Xiyuan street 'two committees, two stations'")
	}
	return T("未知项目 "+string(p), "unknown programme "+string(p))
}

// Place returns where the programme is, from province down, in the form
// Source.Place uses: 全国 for National.
func (p Programme) Place() string {
	switch p {
	case Lujiazui:
		return "上海市浦东新区陆家嘴街道"
	case Jingan:
		return "上海市静安区"
	case Wuliqiao:
		return "上海市黄浦区五里桥街道"
	case Kaixuan:
		return "浙江省杭州市上城区凯旋街道"
	case Xiyuan:
		return "安徽省合肥市蜀山区西园街道"
	}
	return PlaceNational
}

// ParseProgramme returns the Programme for key, or an *InputError naming
// field when key is not a known programme.
func ParseProgramme(field, key string) (Programme, error) {
	p := Programme(key)
	if !p.Valid() {
		return "", NewInputError(FieldError{
			Path: field, Code: "programme", Value: key,
			Message: T("未知的项目（programme）代码 "+quote(key)+"，可用：national、lujiazui、jingan、wuliqiao、kaixuan、xiyuan",
				"unknown programme "+quote(key)+"; known: national, lujiazui, jingan, wuliqiao, kaixuan, xiyuan"),
		})
	}
	return p, nil
}
