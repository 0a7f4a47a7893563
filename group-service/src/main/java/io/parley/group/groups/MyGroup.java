package io.parley.group.groups;

/** One entry of "my groups": the group and whether the caller is one of its admins. */
public record MyGroup(Group group, boolean admin) {

    public String role() {
        return admin ? "admin" : "member";
    }
}
