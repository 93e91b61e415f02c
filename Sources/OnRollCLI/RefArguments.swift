import ArgumentParser
import OnRollStore

/// A case ref as typed on the command line. Deliberately not a String: the store only takes a
/// String, so a command has to go through `resolved(in:)`, and no command can forget that refs
/// ignore case (`wm-00001` finds WM-00001).
struct CaseRefArg: ExpressibleByArgument, Sendable {
    let typed: String
    init(argument: String) { typed = argument }

    /// The stored spelling (Store.resolveCaseRef); a ref that matches nothing is passed on as typed.
    func resolved(in store: Store) throws -> String { try store.resolveCaseRef(typed) }
}

/// A child ref as typed on the command line; see CaseRefArg.
struct ChildRefArg: ExpressibleByArgument, Sendable {
    let typed: String
    init(argument: String) { typed = argument }

    func resolved(in store: Store) throws -> String { try store.resolveChildRef(typed) }

    /// A child ref, or a case ref standing for the case's child: the officer often has only the case
    /// ref to hand. A ref that matches neither is passed on as typed, for the store's "no child" error.
    func resolvedAllowingCase(in store: Store) throws -> String {
        let child = try store.resolveChildRef(typed)
        if try store.child(child) != nil { return child }
        if let c = try store.case(try store.resolveCaseRef(typed)) { return c.childRef }
        return typed
    }
}
