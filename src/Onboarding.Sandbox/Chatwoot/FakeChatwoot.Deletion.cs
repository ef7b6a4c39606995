namespace Onboarding.Sandbox.Chatwoot;

public sealed partial class FakeChatwoot
{
    /// <summary>
    /// <c>DELETE …/contacts/{id}</c>: 200 with an empty body, 404 when unknown. Chatwoot's
    /// <c>ContactsController#destroy</c> (app/controllers/api/v1/accounts/contacts_controller.rb, read at 01a9b2c1) calls
    /// <c>@contact.destroy!</c>; <c>Contact</c> (app/models/contact.rb, read at 7c2f4ec3) has
    /// <c>has_many :conversations, dependent: :destroy_async</c>, <c>has_many :contact_inboxes, dependent: :destroy_async</c>
    /// and <c>has_many :messages, as: :sender, dependent: :destroy_async</c>; <c>Conversation</c> (app/models/conversation.rb)
    /// has <c>has_many :messages, dependent: :destroy_async</c> and <c>Message</c> <c>has_many :attachments, dependent:
    /// :destroy</c>. So the contact, its contact inboxes, its conversations with every message (agents' too) and their
    /// attachments go; the real one removes all but the contact in a background job, this fake at once.
    /// </summary>
    private Task DeleteContact(HttpContext ctx)
    {
        var id = RouteInt(ctx, "id");
        lock (_gate)
        {
            if (!_contacts.Remove(id))
            {
                return NotFound(ctx);
            }

            _contactInboxes.RemoveAll(ci => ci.ContactId == id);
            foreach (var conversation in _conversations.Values.Where(c => c.ContactId == id).ToList())
            {
                _conversations.Remove(conversation.Id);
                _messages.Remove(conversation.Id);
            }
        }

        ctx.Response.StatusCode = 200;
        return Task.CompletedTask;
    }
}
