package hubrules

// Warnings returns what the parameter file claims that its sources do not
// support: a value marked verified whose source gives no document number or
// no article, an address on a host that is not the issuer's own
// (OfficialHost), a local figure marked verified or secondary for a
// programme it does not govern (Source.Governs). Such a file is accepted —
// the values are the user's to choose — and the warnings travel with the
// set (Overlay keeps both sets' warnings) so that the CLI and a caller can
// show them. The library's own files have none.
func (s *ParamSet) Warnings() []FieldError {
	return append([]FieldError(nil), s.warnings...)
}

// sourceWarnings checks one value's source against its confidence.
func sourceWarnings(path string, v paramValue) []FieldError {
	var out []FieldError
	src := v.source
	if v.confidence == Verified && src.Article == "" {
		out = append(out, FieldError{Path: path + ".confidence", Code: "verified_without_article", Value: string(v.confidence),
			Message: T("标为 verified，但来源未写明条款：请补充 source.article，或改标 secondary",
				"marked verified, but the source names no article: add source.article, or mark it secondary")})
	}
	if src.URL != "" && !OfficialHost(src.URL) {
		out = append(out, FieldError{Path: path + ".source.url", Code: "unofficial_host", Value: src.URL,
			Message: T("来源地址不在发布机关的官方网站上（镜像网站无法作为依据）："+src.URL,
				"the source address is not on the issuer's official site (a mirror cannot be defended): "+src.URL)})
	}
	if v.confidence != Illustrative && v.programme.Valid() && !src.Governs(v.programme) {
		out = append(out, FieldError{Path: path + ".confidence", Code: "local_figure", Value: string(v.confidence),
			Message: T("来源只适用于"+src.Place+"，用于项目 "+string(v.programme)+" 时应标为 illustrative",
				"the source governs "+src.Place+" only; for programme "+string(v.programme)+" mark it illustrative")})
	}
	return out
}

// Documents cited by more than one rule package. Each returns the
// document's Source at article.

// PartyConstitution is 《中国共产党章程》 as revised on 2017-10-24 (its
// grassroots-organization article is 第三十条; in the 2002, 2007 and 2012
// texts it was 第二十九条, see PartyConstitution2012).
func PartyConstitution(article string) Source {
	return Source{Title: T("《中国共产党章程》", "Constitution of the Communist Party of China"),
		Issuer: "中国共产党第十九次全国代表大会", Issued: "2017-10-24", InForce: "2017-10-24", Place: PlaceNational, Article: article}
}

// PartyConstitution2012 is 《中国共产党章程》 in its 2002, 2007 and 2012
// texts, in force until 2017-10-24.
func PartyConstitution2012(article string) Source {
	return Source{Title: T("《中国共产党章程》（2002年、2007年、2012年修改本）", "Constitution of the Communist Party of China (2002, 2007 and 2012 texts)"),
		Issuer: "中国共产党全国代表大会", Issued: "2012-11-14", Place: PlaceNational, Article: article}
}

// BranchRegulations is 《中国共产党支部工作条例（试行）》 (中共中央, 2018-10-28).
func BranchRegulations(article string) Source {
	return Source{Title: T("《中国共产党支部工作条例（试行）》", "Regulations on the Work of Party Branches (Trial)"),
		Issuer: "中共中央", Issued: "2018-10-28", InForce: "2018-10-28", Place: PlaceNational, Article: article}
}

// EvaluationMeasures2010 is 《社会组织评估管理办法》 (民政部令第39号), in force
// from 2011-03-01 until the revised measures of 2026-03-01.
func EvaluationMeasures2010(article string) Source {
	return Source{Title: T("《社会组织评估管理办法》", "Measures for the Administration of Social Organization Evaluation"),
		Issuer: "民政部", Number: "民政部令第39号", Issued: "2010-12-27", InForce: "2011-03-01", Place: PlaceNational, Article: article}
}

// HangzhouDoubleIncubation is the Hangzhou municipal standard
// 《社区社会组织双孵化服务规范》 DB3301/T 0346—2021, in force 2021-12-15.
func HangzhouDoubleIncubation(article string) Source {
	return Source{Title: T("《社区社会组织双孵化服务规范》", "Service specification for the double incubation of community social organizations"),
		Issuer: "杭州市市场监督管理局", Number: "DB3301/T 0346—2021", Issued: "2021-11-15", InForce: "2021-12-15", Place: "浙江省杭州市", Article: article}
}
