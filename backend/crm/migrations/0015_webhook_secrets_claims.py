from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields


async def seal_plain_secrets(apps, schema_editor):
    """Secrets stored in plain text before sealing existed are sealed under SECRET_KEY."""
    from crm.webhooks.secrets import is_sealed, seal

    client = schema_editor.client
    _, rows = await client.execute_query("SELECT id, secret FROM webhook_endpoint")
    for row in rows:
        if is_sealed(row["secret"]):
            continue
        await client.execute_query("UPDATE webhook_endpoint SET secret = $1 WHERE id = $2"
                                   if client.capabilities.dialect == "postgres" else
                                   "UPDATE webhook_endpoint SET secret = ? WHERE id = ?",
                                   [seal(row["secret"]), row["id"]])


class Migration(migrations.Migration):
    dependencies = [('crm', '0014_webhooks')]

    initial = False

    operations = [
        ops.AddField(
            model_name='WebhookDelivery',
            name='claim_token',
            field=fields.UUIDField(null=True),
        ),
        ops.AlterField(
            model_name='WebhookEndpoint',
            name='secret',
            field=fields.CharField(max_length=500),
        ),
        ops.RunPython(seal_plain_secrets, ops.RunPython.noop),
    ]
