"use server";

// Admin user management, through the one action wrapper (definitions in lib/users/actions.ts).
import { defineAction } from "@/lib/actions/safe-action";
import { createUserAction, setUserDisabledAction, updateUserAction } from "@/lib/users/actions";

export const createUser = defineAction(createUserAction);
export const updateUser = defineAction(updateUserAction);
export const setUserDisabled = defineAction(setUserDisabledAction);
