import CarryoverExport
import CarryoverStore
import Foundation

extension Practice {
    /// Makes (or, when there is one, replaces) the client's calendar feed
    /// token; the old link stops working at once. The token is returned once.
    public func issueCalendarFeed(clientID: String) async throws -> String {
        let client = try await client(clientID)
        let token = PortalSecret.make()
        try await store.setCalendarToken(
            clientID: client.id, tokenHash: PortalSecret.hash(token), at: clock.now())
        return token
    }

    /// Removes the client's calendar feed; returns whether there was one.
    public func revokeCalendarFeed(clientID: String) async throws -> Bool {
        try await store.revokeCalendarToken(clientID: try await client(clientID).id)
    }

    /// The iCalendar text of the feed with this token (the same as
    /// `export ics`), or nil for a token no feed has.
    public func calendarFeed(token: String) async throws -> String? {
        guard PortalSecret.isWellFormed(token),
            let clientID = try await store.calendarClient(tokenHash: PortalSecret.hash(token))
        else { return nil }
        let series = try await reminders(clientID: clientID)
        return try ReminderCalendar(stamp: clock.now()).render(series)
    }
}
