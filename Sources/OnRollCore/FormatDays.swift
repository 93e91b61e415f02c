/// School days as people write them: `3`, `2.5`, `0.5` (whole days without a trailing `.0`).
public func formatDays(_ d: Double) -> String {
    d == d.rounded() ? String(Int(d)) : String(d)
}
