import OnRollCore
import OnRollStore

/// The front door (N on the caseload): what arrived since this officer last looked, by school.
extension Console {
    func openFrontDoor() {
        do {
            let door = try store.frontDoor(user: state.user)
            // Opening it is the look: the next opening starts after this one.
            try store.markFrontDoorLooked(user: state.user, door)
            state.frontDoor = door
            state.frontDoorSelection = 0
            state.returnMode = .caseload
            state.mode = .frontDoor
            let n = door.arrivals.count + door.more
            state.message = n == 0 ? "Nothing new since you last looked" : "\(n) arrived · Enter opens the child's case"
        } catch {
            state.message = "Cannot open the front door: \(error)"
        }
    }
}

extension AppState {
    /// The arrivals in the order the front door lists them (school by school), as `j`/`k` step through them.
    public var frontDoorRows: [Arrival] { frontDoor?.bySchool.flatMap(\.arrivals) ?? [] }
}
