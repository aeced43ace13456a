package hubrules

// Ptr returns a pointer to a copy of v. The input types mark a value the
// decision needs but that may be zero (an amount, a score, a count) as a
// pointer with `validate:"required"`: nil is missing data, an *InputError
// naming the field, never read as zero. Ptr writes such a value in Go:
// FeeInput{Total: hubrules.Ptr(funding.MustParseMoney("100.00"))}.
func Ptr[T any](v T) *T { return &v }
