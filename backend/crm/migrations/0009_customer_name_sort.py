from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index


async def fill_sort_keys(apps, schema_editor):
    """Customers made before the key existed get theirs, so they sort with the new ones."""
    from crm.customers.service import sort_key

    client = schema_editor.client
    _, rows = await client.execute_query("SELECT id, name FROM customer WHERE name_sort IS NULL")
    for row in rows:
        await client.execute_query("UPDATE customer SET name_sort = $1 WHERE id = $2"
                                   if client.capabilities.dialect == "postgres" else
                                   "UPDATE customer SET name_sort = ? WHERE id = ?",
                                   [sort_key(row["name"]), row["id"]])

class Migration(migrations.Migration):
    dependencies = [('crm', '0008_order_ship_to')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Customer',
            name='name_sort',
            field=fields.CharField(null=True, max_length=400),
        ),
        ops.AddIndex(
            model_name='Customer',
            index=Index(fields=['workspace_id', 'name_sort']),
        ),
        ops.RunPython(fill_sort_keys, ops.RunPython.noop),
    ]
